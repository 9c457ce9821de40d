// The sign-in pages, worded like Entra's (username, password, Authenticator, codes, passkeys,
// Sign-in options, Conditional Access messages). Forms post back to the interaction.
import type { AuthenticationMethodMode } from '../../lib/conditional-access/authentication-method-mode';
import { escapeHtml } from '../http/http';
import { hiddenInputs, renderPage } from './layout';

export type MethodOption = { mode: AuthenticationMethodMode | 'temporaryAccessPass'; label: string; href: string };

const userBadge = (upn?: string) => (upn ? `<p class="hint">${escapeHtml(upn)}</p>` : '');
const errorLine = (error?: string) =>
  error ? `<p class="error" role="alert" id="form-error">${escapeHtml(error)}</p>` : '';
const describedBy = (error?: string) => (error ? ' aria-describedby="form-error" aria-invalid="true"' : '');

export function usernamePage(p: { action: string; appName: string; error?: string; value?: string }): string {
  return renderPage(
    'Sign in',
    `<h1>Sign in</h1><p class="hint">to continue to ${escapeHtml(p.appName)}</p>${errorLine(p.error)}
<form method="post" action="${escapeHtml(p.action)}" novalidate>
<label for="username">Email, phone, or Skype</label>
<input id="username" name="username" type="email" autocomplete="username" autofocus required value="${escapeHtml(p.value ?? '')}"${describedBy(p.error)}>
<div class="actions"><button type="submit">Next</button></div></form>`,
  );
}

export function passwordPage(p: { action: string; upn: string; error?: string; optionsHref: string }): string {
  return renderPage(
    'Enter password',
    `${userBadge(p.upn)}<h1>Enter password</h1>${errorLine(p.error)}
<form method="post" action="${escapeHtml(p.action)}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" autofocus required${describedBy(p.error)}>
<p><a href="${escapeHtml(p.optionsHref)}">Other ways to sign in</a></p>
<div class="actions"><button type="submit">Sign in</button></div></form>`,
  );
}

export function sendPushPage(p: {
  action: string;
  upn: string;
  error?: string;
  optionsHref: string;
  isPasswordless: boolean;
}): string {
  const heading = p.isPasswordless ? 'Approve a request on my Microsoft Authenticator app' : 'Approve sign in request';
  return renderPage(
    heading,
    `${userBadge(p.upn)}<h1>${heading}</h1>${errorLine(p.error)}
<p>We'll send a notification to your Microsoft Authenticator app. You'll enter the number shown here in the app.</p>
<form method="post" action="${escapeHtml(p.action)}">
<p><a href="${escapeHtml(p.optionsHref)}">${p.isPasswordless ? 'Other ways to sign in' : 'Sign in another way'}</a></p>
<div class="actions"><button type="submit">Send notification</button></div></form>`,
  );
}

export function pushNumberPage(p: {
  upn: string;
  number: number;
  statusHref: string;
  continueAction: string;
  resendAction: string;
  optionsHref: string;
  isPasswordless: boolean;
}): string {
  return renderPage(
    'Approve sign in request',
    `${userBadge(p.upn)}<h1>Approve sign in request</h1>
<p>Open your Authenticator app, and enter the number shown to sign in.</p>
<p class="number" data-testid="push-number" aria-label="Number to enter: ${p.number}">${p.number}</p>
<p class="hint" id="push-status" role="status" aria-live="polite">Waiting for you to approve in the app…</p>
<p class="hint">No numbers in your app? Make sure to upgrade to the latest version.</p>
<form method="post" action="${escapeHtml(p.continueAction)}" id="push-continue" data-status-href="${escapeHtml(p.statusHref)}">
<p><a href="${escapeHtml(p.optionsHref)}">I can't use my Microsoft Authenticator app right now</a></p>
<div class="actions"><button type="submit" class="secondary">I've approved it</button></div></form>
<form method="post" action="${escapeHtml(p.resendAction)}"><div class="actions"><button type="submit" class="secondary">Send another request</button></div></form>`,
    { scripts: ['/assets/push-status.js'] },
  );
}

export function codePage(p: {
  title: string;
  instructions: string;
  action: string;
  label: string;
  name: string;
  upn: string;
  error?: string;
  optionsHref: string;
  inputMode?: 'numeric' | 'text';
  secret?: boolean;
}): string {
  return renderPage(
    p.title,
    `${userBadge(p.upn)}<h1>${escapeHtml(p.title)}</h1><p>${escapeHtml(p.instructions)}</p>${errorLine(p.error)}
<form method="post" action="${escapeHtml(p.action)}">
<label for="${p.name}">${escapeHtml(p.label)}</label>
<input id="${p.name}" name="${p.name}" type="${p.secret ? 'password' : 'text'}" inputmode="${p.inputMode ?? 'numeric'}" autocomplete="one-time-code" autofocus required${describedBy(p.error)}>
<p><a href="${escapeHtml(p.optionsHref)}">Sign in another way</a></p>
<div class="actions"><button type="submit">Verify</button></div></form>`,
  );
}

export function sendCodePage(p: {
  action: string;
  upn: string;
  channel: 'sms' | 'voice';
  maskedPhone: string;
  optionsHref: string;
  error?: string;
}): string {
  const verb = p.channel === 'sms' ? 'Text' : 'Call';
  return renderPage(
    `${verb} ${p.maskedPhone}`,
    `${userBadge(p.upn)}<h1>Verify your identity</h1>${errorLine(p.error)}
<p>${p.channel === 'sms' ? 'We will text a code to' : 'We will call'} ${escapeHtml(p.maskedPhone)}.</p>
<form method="post" action="${escapeHtml(p.action)}">${hiddenInputs({ channel: p.channel })}
<p><a href="${escapeHtml(p.optionsHref)}">Sign in another way</a></p>
<div class="actions"><button type="submit">${verb} ${escapeHtml(p.maskedPhone)}</button></div></form>`,
  );
}

export function fido2Page(p: {
  upn: string;
  optionsHref: string;
  optionsJsonHref: string;
  verifyAction: string;
  error?: string;
}): string {
  return renderPage(
    'Sign in with a passkey',
    `${userBadge(p.upn)}<h1>Sign in with a passkey or security key</h1>${errorLine(p.error)}
<p>Use your face, fingerprint, PIN or security key.</p>
<p class="hint" id="fido2-status" role="status" aria-live="polite"></p>
<form method="post" action="${escapeHtml(p.verifyAction)}" id="fido2-form" data-webauthn="authentication" data-status-id="fido2-status" data-waiting="Waiting for your passkey…" data-failure="The passkey could not be used" data-options-href="${escapeHtml(p.optionsJsonHref)}">
<input type="hidden" name="response" id="fido2-response" data-webauthn-response>
<p><a href="${escapeHtml(p.optionsHref)}">Sign in another way</a></p>
<div class="actions"><button type="button" id="fido2-start" data-webauthn-start>Use a passkey</button></div></form>`,
    { scripts: ['/assets/simplewebauthn-browser.js', '/assets/webauthn-ceremony.js'] },
  );
}

export function optionsPage(p: { upn?: string; heading: string; options: MethodOption[]; backHref?: string }): string {
  const items = p.options
    .map(
      (o) =>
        `<li><a class="button secondary" style="width:100%;justify-content:flex-start" href="${escapeHtml(o.href)}">${escapeHtml(o.label)}</a></li>`,
    )
    .join('');
  return renderPage(
    p.heading,
    `${userBadge(p.upn)}<h1>${escapeHtml(p.heading)}</h1><ul class="options">${items}</ul>
${p.backHref ? `<div class="actions"><a class="button secondary" href="${escapeHtml(p.backHref)}">Back</a></div>` : ''}`,
  );
}

export function restartPage(p: { upn: string; restartAction: string; methodLabels: string[] }): string {
  return renderPage(
    'More information required',
    `${userBadge(p.upn)}<h1>Your organization requires a stronger way to sign in</h1>
<p>The method you used can't be used to access this resource. Sign in again and choose <strong>Sign-in options</strong>, then: ${escapeHtml(p.methodLabels.join(', '))}.</p>
<form method="post" action="${escapeHtml(p.restartAction)}"><div class="actions"><button type="submit">Sign in another way</button></div></form>`,
  );
}

/** `outcome` is a machine-readable marker for scripted clients (tests, benchmark). */
export function errorPage(p: {
  title: string;
  message: string;
  code?: number;
  upn?: string;
  retryHref?: string;
  outcome?: string;
}): string {
  return renderPage(
    p.title,
    `${userBadge(p.upn)}<h1${p.outcome ? ` data-outcome="${escapeHtml(p.outcome)}"` : ''}>${escapeHtml(p.title)}</h1><p role="alert">${escapeHtml(p.message)}</p>
${p.code ? `<p class="hint">Error code: AADSTS${p.code}</p>` : ''}${p.retryHref ? `<div class="actions"><a class="button" href="${escapeHtml(p.retryHref)}">Try again</a></div>` : ''}`,
  );
}

export function accountPickerPage(p: { action: string; current?: { upn: string; name: string } }): string {
  const current = p.current
    ? `<li><button type="submit" name="choice" value="current">${escapeHtml(p.current.name)} — ${escapeHtml(p.current.upn)}</button></li>`
    : '';
  return renderPage(
    'Pick an account',
    `<h1>Pick an account</h1><form method="post" action="${escapeHtml(p.action)}"><ul class="options">${current}
<li><button type="submit" name="choice" value="other">Use another account</button></li></ul></form>`,
  );
}

export function consentPage(p: { action: string; appName: string; scopes: string[]; upn?: string }): string {
  const items = p.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('');
  return renderPage(
    'Permissions requested',
    `${userBadge(p.upn)}<h1>Permissions requested</h1><p>${escapeHtml(p.appName)} would like to:</p><ul>${items}</ul>
<form method="post" action="${escapeHtml(p.action)}"><div class="actions"><button class="secondary" type="submit" name="decision" value="cancel">Cancel</button><button type="submit" name="decision" value="accept">Accept</button></div></form>`,
  );
}

export function registerInterruptPage(p: {
  upn: string;
  base: string;
  methods: Array<{ mode: string; label: string }>;
}): string {
  const items = p.methods
    .map((m) =>
      m.mode === 'fido2'
        ? `<li><form id="register-form" action="${escapeHtml(p.base)}/register-passkey" method="post" data-webauthn="registration" data-status-id="register-status" data-failure="The passkey could not be registered" data-options-href="${escapeHtml(p.base)}/register-options"><input type="hidden" name="response" id="register-response" data-webauthn-response><button type="button" id="register-start" data-webauthn-start>${escapeHtml(m.label)}</button></form></li>`
        : `<li><form method="post" action="${escapeHtml(p.base)}/register">${hiddenInputs({ method: m.mode })}<button type="submit">${escapeHtml(m.label)}</button></form></li>`,
    )
    .join('');
  return renderPage(
    'More information required',
    `${userBadge(p.upn)}<h1 data-outcome="registerMethod">More information required</h1>
<p>Your organization needs more information to keep your account secure. Set up one of these methods to continue.</p>
<p class="hint" id="register-status" role="status" aria-live="polite"></p><ul class="options">${items}</ul>`,
    { scripts: ['/assets/simplewebauthn-browser.js', '/assets/webauthn-ceremony.js'] },
  );
}
