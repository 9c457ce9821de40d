// The sign-in interaction (oidc-provider's "interactions"): username, the user's default method,
// Sign-in options, second factors, then Conditional Access after every factor. The pages are in
// ../views/sign-in-pages.ts; the decisions come from the engine through conditional-access-gate.ts.
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InteractionDetails } from 'oidc-provider';
import * as OTPAuth from 'otpauth';
import type { AuthenticationMethodMode } from '../../lib/conditional-access/authentication-method-mode';
import { browserIdOf, clientIpOf, devicePlatformOf } from '../http/client-ip';
import type { GateDecision, SignInCircumstances } from './conditional-access-gate';
import { credentialsOf } from '../methods/demo-credentials';
import { readForm, redirect, sendHtml, sendJson } from '../http/http';
import type { MockIdp, SignInState } from '../mock-idp-context';
import { isPasswordCorrect } from '../methods/passwords';
import { implicitConsentParam, requestedAcrsOf, resourceOfScope } from '../oidc/provider-configuration';
import { createPushRequest, pushRequestById } from '../methods/push-requests';
import { amrFor, type SignInEvidence } from '../oidc/sign-in-evidence';
import {
  firstFactorDefault,
  firstFactorOptions,
  maskPhone,
  methodLabel,
  phoneOf,
  secondFactorDefault,
  secondFactorOptions,
  usableMethodsOf,
} from '../methods/sign-in-methods';
import { recordSignIn, signInErrorCodes } from '../store/sign-in-logs';
import { clearLockout, isLockedOut, recordFailedPassword } from '../methods/smart-lockout';
import { consumeTemporaryAccessPass, verifyTemporaryAccessPass } from '../methods/temporary-access-pass';
import { findUser, type TenantUser } from '../store/tenant';
import {
  authenticationOptionsFor,
  registerPasskey,
  registrationOptionsFor,
  verifyPasskeySignIn,
} from '../methods/webauthn';
import { addRegisteredMethod } from '../methods/registered-methods';
import * as pages from '../views/sign-in-pages';

type Interaction = {
  mock: MockIdp;
  req: IncomingMessage;
  res: ServerResponse;
  details: InteractionDetails;
  state: SignInState;
  base: string;
  appId: string;
  appName: string;
  url: URL;
};

const oidcScopes = new Set(['openid', 'profile', 'email', 'offline_access']);

export async function handleInteractionRoute(
  mock: MockIdp,
  req: IncomingMessage,
  res: ServerResponse,
  segments: string[],
  url: URL,
): Promise<void> {
  const [uid = '', action = ''] = segments;
  let details: InteractionDetails;
  try {
    details = await mock.provider.interactionDetails(req, res);
  } catch {
    return sendHtml(
      res,
      400,
      pages.errorPage({
        title: 'Your sign-in session expired',
        message: 'Go back to the application and sign in again.',
        code: 50058,
      }),
    );
  }
  if (details.uid !== uid)
    return sendHtml(
      res,
      400,
      pages.errorPage({ title: 'Sign-in session mismatch', message: 'Go back to the application and sign in again.' }),
    );
  const browserId = browserIdOf(req, res);
  const state = stateFor(mock, details, req, browserId);
  const appId = String(details.params.client_id ?? '');
  const appName = mock.clients.find((c) => c.client_id === appId)?.client_name ?? appId;
  const it: Interaction = {
    mock,
    req,
    res,
    details,
    state,
    base: `/${mock.tenant.tenantId}/interaction/${uid}`,
    appId,
    appName,
    url,
  };

  if (action === 'abort' && req.method === 'POST') {
    return mock.provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'AADSTS50126: The user cancelled the sign-in.' },
      { mergeWithLastSubmission: false },
    );
  }
  if (details.prompt.name === 'select_account') return handleSelectAccount(it, action);
  if (details.prompt.name === 'consent') return handleConsent(it, action);
  return handleLogin(it, action);
}

function stateFor(mock: MockIdp, details: InteractionDetails, req: IncomingMessage, browserId: string): SignInState {
  const existing = mock.signIns.get(details.uid);
  if (existing) return existing;
  const claims = typeof details.params.claims === 'string' ? details.params.claims : undefined;
  const state: SignInState = {
    uid: details.uid,
    methods: [],
    clientIp: clientIpOf(mock, req, browserId),
    browserId,
    requestedAcrs: requestedAcrsOf(claims),
    startedAt: mock.now(),
  };
  const hint =
    typeof details.params.login_hint === 'string' ? findUser(mock.tenant, details.params.login_hint) : undefined;
  if (hint) state.userId = hint.id;
  // Forget abandoned sign-ins so the map does not grow without bound.
  for (const [uid, s] of mock.signIns) if (s.startedAt < mock.now() - 3_600_000) mock.signIns.delete(uid);
  mock.signIns.set(details.uid, state);
  return state;
}

function userOf(it: Interaction): TenantUser | undefined {
  return it.state.userId ? findUser(it.mock.tenant, it.state.userId) : undefined;
}

function circumstancesOf(it: Interaction, user: TenantUser): SignInCircumstances {
  const isDeviceCode = it.details.params.client_id !== undefined && 'user_code' in it.details.params;
  const risk = it.mock.store.get<{ level: 'none' | 'low' | 'medium' | 'high' }>('userRisk', user.id)?.level ?? 'none';
  return {
    userId: user.id,
    appId: it.appId,
    // The simulated IP is read on every step so a control-API change applies mid-sign-in.
    clientIp: clientIpOf(it.mock, it.req, it.state.browserId),
    clientAppType: isDeviceCode ? 'mobileAppsAndDesktopClients' : 'browser',
    devicePlatform: devicePlatformOf(it.req.headers['user-agent']),
    userRiskLevel: risk,
    authenticationContext: it.state.requestedAcrs[0],
    ...(isDeviceCode ? { transferMethod: 'deviceCodeFlow' as const } : {}),
  };
}

function html(it: Interaction, body: string, status = 200): void {
  sendHtml(it.res, status, body);
}

function optionsHref(it: Interaction): string {
  return `${it.base}?view=options`;
}

// ---- login -------------------------------------------------------------------------------

async function handleLogin(it: Interaction, action: string): Promise<void> {
  const { req } = it;
  if (req.method === 'GET' && action === '') return showLogin(it);
  if (req.method === 'GET' && action === 'push-status') return pushStatus(it);
  if (req.method === 'GET' && action === 'fido2-options') return fido2Options(it);
  if (req.method === 'GET' && action === 'register-options') return passkeyRegistrationOptions(it);
  if (req.method !== 'POST') return sendJson(it.res, 405, { error: 'method_not_allowed' });
  const form = await readForm(req);
  switch (action) {
    case 'username':
      return submitUsername(it, form.username ?? '');
    case 'password':
      return submitPassword(it, form.password ?? '');
    case 'push':
      return sendPush(it);
    case 'push-result':
      return pushResult(it);
    case 'totp':
      return submitTotp(it, form.code ?? '');
    case 'send-code':
      return sendCode(it, form.channel === 'voice' ? 'voice' : 'sms');
    case 'code':
      return submitCode(it, form.code ?? '');
    case 'tap':
      return submitTap(it, form.pass ?? '');
    case 'whfb':
      return submitWindowsHello(it, form.pin ?? '');
    case 'fido2':
      return submitFido2(it, form.response ?? '');
    case 'restart':
      return restart(it);
    case 'register':
      return registerSimulatedMethod(it, form.method ?? '');
    case 'register-passkey':
      return registerPasskeyNow(it, form.response ?? '');
    default:
      return sendJson(it.res, 404, { error: 'not_found' });
  }
}

function showLogin(it: Interaction, error?: string): void {
  const user = userOf(it);
  if (!user) {
    const hint = typeof it.details.params.login_hint === 'string' ? it.details.params.login_hint : '';
    return html(it, pages.usernamePage({ action: `${it.base}/username`, appName: it.appName, error, value: hint }));
  }
  const now = it.mock.now();
  const isFirstFactor = it.state.methods.length === 0;
  const allowed = allowedMethods(it, user);
  if (it.url.searchParams.get('view') === 'options') {
    return html(
      it,
      pages.optionsPage({
        upn: user.userPrincipalName,
        heading: isFirstFactor ? 'Sign-in options' : 'Verify your identity',
        options: allowed.map((mode) => ({
          mode,
          label: methodLabel(mode, phoneOf(it.mock.credentials, user)),
          href: `${it.base}?method=${mode}`,
        })),
        backHref: it.base,
      }),
    );
  }
  const requested = it.url.searchParams.get('method') as AuthenticationMethodMode | null;
  const mode =
    requested && allowed.includes(requested)
      ? requested
      : isFirstFactor
        ? firstFactorDefault(it.mock.store, user, now)
        : secondFactorDefault(it.mock.store, user, allowed);
  if (!mode)
    return html(
      it,
      pages.errorPage({
        title: 'You can’t sign in here',
        message: 'You have no method that can be used here.',
        upn: user.userPrincipalName,
      }),
    );
  return renderMethod(it, user, mode, error);
}

function allowedMethods(it: Interaction, user: TenantUser): AuthenticationMethodMode[] {
  const now = it.mock.now();
  if (it.state.methods.length === 0) return firstFactorOptions(it.mock.store, user, now);
  return it.state.offered ?? secondFactorOptions(it.mock.store, user, now, it.state.methods);
}

function renderMethod(it: Interaction, user: TenantUser, mode: AuthenticationMethodMode, error?: string): void {
  const common = { upn: user.userPrincipalName, optionsHref: optionsHref(it), error };
  const now = it.mock.now();
  switch (mode) {
    case 'password':
      return html(it, pages.passwordPage({ ...common, action: `${it.base}/password` }), error ? 400 : 200);
    case 'deviceBasedPush':
    case 'microsoftAuthenticatorPush': {
      const push = it.state.pushId ? pushRequestById(it.mock.pushes, it.state.pushId, now) : undefined;
      if (push && (push.status === 'pending' || push.status === 'awaitingUnlock') && !error) {
        return html(
          it,
          pages.pushNumberPage({
            ...common,
            number: push.number,
            statusHref: `${it.base}/push-status`,
            continueAction: `${it.base}/push-result`,
            resendAction: `${it.base}/push`,
            isPasswordless: push.kind === 'passwordless',
          }),
        );
      }
      return html(
        it,
        pages.sendPushPage({ ...common, action: `${it.base}/push`, isPasswordless: mode === 'deviceBasedPush' }),
        error ? 400 : 200,
      );
    }
    case 'softwareOath':
    case 'hardwareOath':
      return html(
        it,
        pages.codePage({
          ...common,
          title: 'Enter code',
          instructions: 'Enter the code displayed in the authenticator app on your mobile device.',
          action: `${it.base}/totp`,
          label: 'Code',
          name: 'code',
        }),
        error ? 400 : 200,
      );
    case 'sms':
    case 'voice': {
      const code = it.state.oneTimeCode;
      if (code && code.channel === mode && code.expiresAt > now) {
        return html(
          it,
          pages.codePage({
            ...common,
            title: 'Enter code',
            instructions:
              mode === 'sms'
                ? `We texted your phone ${maskPhone(phoneOf(it.mock.credentials, user))}. Please enter the code to sign in.`
                : 'We called your phone. Enter the code you heard.',
            action: `${it.base}/code`,
            label: 'Code',
            name: 'code',
          }),
          error ? 400 : 200,
        );
      }
      return html(
        it,
        pages.sendCodePage({
          ...common,
          action: `${it.base}/send-code`,
          channel: mode,
          maskedPhone: maskPhone(phoneOf(it.mock.credentials, user)),
        }),
        error ? 400 : 200,
      );
    }
    case 'temporaryAccessPassOneTime':
    case 'temporaryAccessPassMultiUse':
      return html(
        it,
        pages.codePage({
          ...common,
          title: 'Enter Temporary Access Pass',
          instructions: 'Enter the Temporary Access Pass your administrator gave you.',
          action: `${it.base}/tap`,
          label: 'Temporary Access Pass',
          name: 'pass',
          inputMode: 'text',
          secret: true,
        }),
        error ? 400 : 200,
      );
    case 'windowsHelloForBusiness':
      return html(
        it,
        pages.codePage({
          ...common,
          title: 'Windows Security',
          instructions: 'Making sure it’s you. Enter your Windows Hello PIN (simulated).',
          action: `${it.base}/whfb`,
          label: 'PIN',
          name: 'pin',
          secret: true,
        }),
        error ? 400 : 200,
      );
    case 'fido2':
      return html(
        it,
        pages.fido2Page({ ...common, optionsJsonHref: `${it.base}/fido2-options`, verifyAction: `${it.base}/fido2` }),
        error ? 400 : 200,
      );
    default:
      return html(
        it,
        pages.errorPage({ title: 'Method not available', message: `${mode} is not simulated by the mock.` }),
        400,
      );
  }
}

function submitUsername(it: Interaction, username: string): void {
  const user = findUser(it.mock.tenant, username);
  if (!user) {
    return html(
      it,
      pages.usernamePage({
        action: `${it.base}/username`,
        appName: it.appName,
        value: username,
        error: 'This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your admin.',
      }),
      400,
    );
  }
  if (user.accountEnabled === false) {
    return html(
      it,
      pages.errorPage({
        title: 'Your account has been locked',
        message: 'Contact your support person to unlock it, then try again.',
        code: 50057,
        upn: user.userPrincipalName,
      }),
      400,
    );
  }
  it.state.userId = user.id;
  it.state.methods = [];
  it.state.offered = undefined;
  redirect(it.res, it.base);
}

/** Guards a factor: the user is known and the method is one this step may use. */
function expectStep(
  it: Interaction,
  mode: AuthenticationMethodMode | 'anyTemporaryAccessPass',
): TenantUser | undefined {
  const user = userOf(it);
  if (!user) {
    redirect(it.res, it.base);
    return undefined;
  }
  const allowed = allowedMethods(it, user);
  const isTap = (m: string) => m.startsWith('temporaryAccessPass');
  const ok = mode === 'anyTemporaryAccessPass' ? allowed.some(isTap) : allowed.includes(mode);
  if (!ok) {
    const registered = usableMethodsOf(it.mock.store, user, it.mock.now());
    const isRegistered = mode === 'anyTemporaryAccessPass' ? registered.some(isTap) : registered.includes(mode);
    // Two different answers: a method the user never set up, or one this step cannot use (after a
    // password only the methods that complete Conditional Access are offered).
    html(
      it,
      isRegistered
        ? pages.errorPage({
            title: 'That method isn’t available now',
            message: 'Choose another way to sign in.',
            upn: user.userPrincipalName,
            retryHref: optionsHref(it),
            outcome: 'notOffered',
          })
        : pages.errorPage({
            title: 'You haven’t set up that method',
            message: 'Choose another way to sign in.',
            upn: user.userPrincipalName,
            retryHref: optionsHref(it),
            outcome: 'notRegistered',
          }),
      400,
    );
    return undefined;
  }
  return user;
}

function logFailure(
  it: Interaction,
  user: TenantUser,
  errorCode: number,
  failureReason: string,
  decision?: GateDecision,
): void {
  recordSignIn(
    it.mock.store,
    {
      userId: user.id,
      userPrincipalName: user.userPrincipalName,
      userDisplayName: user.displayName,
      appId: it.appId,
      appDisplayName: it.appName,
      ipAddress: clientIpOf(it.mock, it.req, it.state.browserId),
      clientAppUsed: 'Browser',
      isInteractive: true,
      authenticationMethodsUsed: [...it.state.methods],
      appliedConditionalAccessPolicies: decision?.appliedPolicies ?? [],
      ...(decision ? {} : { conditionalAccessStatus: 'notApplied' as const }),
      status: { errorCode, failureReason, additionalDetails: null },
    },
    it.mock.now(),
  );
}

async function submitPassword(it: Interaction, password: string): Promise<void> {
  const user = expectStep(it, 'password');
  if (!user) return;
  const { store } = it.mock;
  const now = it.mock.now();
  const lockedMessage =
    'Your account is temporarily locked to prevent unauthorized use. Try again later, and if you still have trouble, contact your admin.';
  if (isLockedOut(store, user.id, now)) {
    logFailure(
      it,
      user,
      signInErrorCodes.accountLocked,
      'Account is locked because the user tried to sign in too many times with an incorrect user ID or password.',
    );
    return renderMethod(it, user, 'password', lockedMessage);
  }
  const demoPassword =
    credentialsOf(it.mock.credentials, user.userPrincipalName).password ?? it.mock.credentials.defaultPassword;
  if (!isPasswordCorrect(store, user.id, password, demoPassword)) {
    const record = recordFailedPassword(store, user.id, now);
    const isLocked = record.lockedUntil > now;
    logFailure(
      it,
      user,
      isLocked ? signInErrorCodes.accountLocked : signInErrorCodes.invalidPassword,
      isLocked
        ? 'Account is locked because the user tried to sign in too many times with an incorrect user ID or password.'
        : 'Invalid username or password or Invalid on-premise username or password.',
    );
    return renderMethod(
      it,
      user,
      'password',
      isLocked
        ? lockedMessage
        : 'Your account or password is incorrect. If you don’t remember your password, reset it now.',
    );
  }
  clearLockout(store, user.id);
  return factorSucceeded(it, user, 'password');
}

async function sendPush(it: Interaction): Promise<void> {
  const user = userOf(it);
  if (!user) return redirect(it.res, it.base);
  const isPasswordless = it.state.methods.length === 0;
  const mode: AuthenticationMethodMode = isPasswordless ? 'deviceBasedPush' : 'microsoftAuthenticatorPush';
  if (!expectStep(it, mode)) return;
  const ip = clientIpOf(it.mock, it.req, it.state.browserId);
  const result = createPushRequest(
    it.mock.pushes,
    {
      userId: user.id,
      userPrincipalName: user.userPrincipalName,
      kind: isPasswordless ? 'passwordless' : 'mfa',
      appName: it.appName,
      location: ip.startsWith('127.') || ip === '::1' ? 'Local machine (mock)' : `IP ${ip}`,
      ipAddress: ip,
      interactionUid: it.state.uid,
    },
    it.mock.now(),
  );
  if (!result.isCreated) {
    logFailure(
      it,
      user,
      signInErrorCodes.pushRateLimited,
      'Too many unanswered Authenticator notifications; further notifications are blocked for a while (push rate limit).',
    );
    return renderMethod(
      it,
      user,
      mode,
      `We've sent too many notifications to your Authenticator app. Try again in ${Math.ceil(result.retryAfterMs / 60_000)} minutes, or sign in another way.`,
    );
  }
  it.state.pushId = result.request.id;
  redirect(it.res, `${it.base}?method=${mode}`);
}

function pushStatus(it: Interaction): void {
  const push = it.state.pushId ? pushRequestById(it.mock.pushes, it.state.pushId, it.mock.now()) : undefined;
  sendJson(it.res, 200, { status: push?.status ?? 'none' });
}

async function pushResult(it: Interaction): Promise<void> {
  const user = userOf(it);
  if (!user) return redirect(it.res, it.base);
  const push = it.state.pushId ? pushRequestById(it.mock.pushes, it.state.pushId, it.mock.now()) : undefined;
  const mode: AuthenticationMethodMode =
    push?.kind === 'passwordless' ? 'deviceBasedPush' : 'microsoftAuthenticatorPush';
  if (!push) return redirect(it.res, it.base);
  if (push.status === 'pending' || push.status === 'awaitingUnlock')
    return redirect(it.res, `${it.base}?method=${mode}`);
  it.state.pushId = undefined;
  if (push.status === 'approved') return factorSucceeded(it, user, mode);
  const messages: Record<string, [string, string]> = {
    denied: ['Request denied', 'The sign-in was denied in the Authenticator app.'],
    numberMismatch: [
      'You entered the wrong number',
      'The number entered in the Authenticator app did not match. Send a new request.',
    ],
    expired: ['We didn’t hear from you', 'The request in your Authenticator app timed out. Send a new request.'],
    reported: ['Request denied', 'You reported this sign-in as suspicious. Your organization has been notified.'],
  };
  const [title, message] = messages[push.status] ?? ['Request failed', 'Send a new request.'];
  logFailure(it, user, signInErrorCodes.mfaDenied, `Authenticator request ${push.status}.`);
  return renderMethod(it, user, mode, `${title}. ${message}`);
}

async function submitTotp(it: Interaction, code: string): Promise<void> {
  const user = expectStep(it, 'softwareOath');
  if (!user) return;
  const secret = credentialsOf(it.mock.credentials, user.userPrincipalName).totpSecret;
  const totp = secret
    ? new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 })
    : undefined;
  const delta = totp?.validate({ token: code.replace(/\s/g, ''), timestamp: it.mock.now(), window: 1 });
  if (delta === null || delta === undefined) {
    logFailure(it, user, signInErrorCodes.invalidCode, 'Invalid verification code.');
    return renderMethod(it, user, 'softwareOath', 'You didn’t enter the expected verification code. Please try again.');
  }
  return factorSucceeded(it, user, 'softwareOath');
}

function hashCode(code: string): string {
  return crypto.createHash('sha256').update(code).digest('base64');
}

async function sendCode(it: Interaction, channel: 'sms' | 'voice'): Promise<void> {
  const user = expectStep(it, channel);
  if (!user) return;
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  const now = it.mock.now();
  it.state.oneTimeCode = { channel, hash: hashCode(code), expiresAt: now + 10 * 60_000, attempts: 0 };
  const { sendToOutbox } = await import('../store/outbox');
  sendToOutbox(
    it.mock.store,
    {
      channel,
      to: phoneOf(it.mock.credentials, user) ?? 'unknown',
      userPrincipalName: user.userPrincipalName,
      code,
      body:
        channel === 'sms'
          ? `Use verification code ${code} for Contoso (mock) authentication.`
          : `Your Contoso (mock) verification code is ${code.split('').join(' ')}.`,
    },
    now,
  );
  redirect(it.res, `${it.base}?method=${channel}`);
}

async function submitCode(it: Interaction, code: string): Promise<void> {
  const pending = it.state.oneTimeCode;
  const user = pending ? expectStep(it, pending.channel) : undefined;
  if (!user || !pending) return pending ? undefined : redirect(it.res, it.base);
  const now = it.mock.now();
  pending.attempts += 1;
  const actual = Buffer.from(hashCode(code.trim()));
  const expected = Buffer.from(pending.hash);
  const isMatch = actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
  if (!isMatch || pending.expiresAt <= now || pending.attempts > 3) {
    if (pending.attempts >= 3 || pending.expiresAt <= now) it.state.oneTimeCode = undefined;
    logFailure(it, user, signInErrorCodes.invalidCode, 'Invalid verification code.');
    return renderMethod(
      it,
      user,
      pending.channel,
      'You didn’t enter the expected verification code. Please try again.',
    );
  }
  it.state.oneTimeCode = undefined;
  return factorSucceeded(it, user, pending.channel);
}

async function submitTap(it: Interaction, pass: string): Promise<void> {
  const user = expectStep(it, 'anyTemporaryAccessPass');
  if (!user) return;
  const redeemed = verifyTemporaryAccessPass(it.mock.store, user.id, pass, it.mock.now());
  if (!redeemed) {
    logFailure(it, user, signInErrorCodes.invalidCode, 'Invalid Temporary Access Pass.');
    return renderMethod(
      it,
      user,
      'temporaryAccessPassOneTime',
      'The Temporary Access Pass is incorrect or has expired.',
    );
  }
  return factorSucceeded(
    it,
    user,
    redeemed.isUsableOnce ? 'temporaryAccessPassOneTime' : 'temporaryAccessPassMultiUse',
  );
}

async function submitWindowsHello(it: Interaction, pin: string): Promise<void> {
  const user = expectStep(it, 'windowsHelloForBusiness');
  if (!user) return;
  const expected =
    credentialsOf(it.mock.credentials, user.userPrincipalName).windowsHelloPin ??
    it.mock.credentials.defaultWindowsHelloPin;
  if (pin !== expected) return renderMethod(it, user, 'windowsHelloForBusiness', 'The PIN is incorrect. Try again.');
  return factorSucceeded(it, user, 'windowsHelloForBusiness');
}

function rpIdOf(it: Interaction): string {
  return new URL(it.mock.origin()).hostname;
}

async function fido2Options(it: Interaction): Promise<void> {
  const user = userOf(it);
  if (!user) return sendJson(it.res, 400, { error: 'no_user' });
  const options = await authenticationOptionsFor(it.mock.store, user, rpIdOf(it));
  it.state.webAuthnChallenge = options.challenge;
  sendJson(it.res, 200, options);
}

async function submitFido2(it: Interaction, responseJson: string): Promise<void> {
  const user = expectStep(it, 'fido2');
  if (!user) return;
  const challenge = it.state.webAuthnChallenge;
  it.state.webAuthnChallenge = undefined;
  let response: unknown;
  try {
    response = JSON.parse(responseJson);
  } catch {
    response = undefined;
  }
  const isVerified =
    challenge !== undefined &&
    response !== undefined &&
    (await verifyPasskeySignIn(it.mock.store, user, {
      response,
      expectedChallenge: challenge,
      origin: it.mock.origin(),
      rpID: rpIdOf(it),
    }));
  if (!isVerified) {
    logFailure(it, user, signInErrorCodes.invalidCode, 'FIDO2 passkey verification failed.');
    return renderMethod(it, user, 'fido2', 'We couldn’t verify your passkey. Try again or sign in another way.');
  }
  return factorSucceeded(it, user, 'fido2');
}

function restart(it: Interaction): void {
  it.state.methods = [];
  it.state.offered = undefined;
  it.state.pushId = undefined;
  it.state.oneTimeCode = undefined;
  redirect(it.res, `${it.base}?view=options`);
}

// ---- combined registration in interrupt mode -------------------------------------------------

// Simulated registration for phone methods; a passkey is registered with real WebAuthn.
const registrableHere: ReadonlySet<AuthenticationMethodMode> = new Set<AuthenticationMethodMode>([
  'fido2',
  'microsoftAuthenticatorPush',
  'softwareOath',
  'sms',
  'voice',
]);

function registrationLabel(mode: AuthenticationMethodMode): string {
  switch (mode) {
    case 'fido2':
      return 'Passkey (face, fingerprint, PIN or security key)';
    case 'microsoftAuthenticatorPush':
      return 'Microsoft Authenticator (simulated set-up)';
    case 'softwareOath':
      return 'Authenticator app code (simulated set-up)';
    case 'sms':
      return 'Phone: text a code (simulated set-up)';
    case 'voice':
      return 'Phone: call me (simulated set-up)';
    default:
      return mode;
  }
}

async function registerSimulatedMethod(it: Interaction, method: string): Promise<void> {
  const user = userOf(it);
  const mode = it.state.registrable?.find((m) => m === method && m !== 'fido2');
  if (!user || !mode) return redirect(it.res, it.base);
  addRegisteredMethod(it.mock.store, user, mode);
  it.state.offered = [mode];
  // The new method is used at once to finish this sign-in, as in Entra's registration interrupt.
  redirect(it.res, `${it.base}?method=${mode}`);
}

async function passkeyRegistrationOptions(it: Interaction): Promise<void> {
  const user = userOf(it);
  if (!user || !it.state.registrable?.includes('fido2')) return sendJson(it.res, 400, { error: 'not_in_registration' });
  const options = await registrationOptionsFor(it.mock.store, user, rpIdOf(it));
  it.state.webAuthnChallenge = options.challenge;
  sendJson(it.res, 200, options);
}

async function registerPasskeyNow(it: Interaction, responseJson: string): Promise<void> {
  const user = userOf(it);
  const challenge = it.state.webAuthnChallenge;
  it.state.webAuthnChallenge = undefined;
  if (!user || !challenge || !it.state.registrable?.includes('fido2')) return redirect(it.res, it.base);
  let response: unknown;
  try {
    response = JSON.parse(responseJson);
  } catch {
    response = undefined;
  }
  const passkey =
    response === undefined
      ? undefined
      : await registerPasskey(
          it.mock.store,
          user,
          { response, expectedChallenge: challenge, origin: it.mock.origin(), rpID: rpIdOf(it) },
          it.mock.now(),
        );
  if (!passkey)
    return html(
      it,
      pages.errorPage({
        title: 'We couldn’t register your passkey',
        message: 'Try again.',
        upn: user.userPrincipalName,
        retryHref: it.base,
      }),
      400,
    );
  addRegisteredMethod(it.mock.store, user, 'fido2');
  it.state.registrable = undefined;
  // Registration with user verification proves possession, so it counts as used in this session.
  return factorSucceeded(it, user, 'fido2');
}

// ---- after each factor: Conditional Access ----------------------------------------------------

async function factorSucceeded(it: Interaction, user: TenantUser, mode: AuthenticationMethodMode): Promise<void> {
  if (!it.state.methods.includes(mode)) it.state.methods.push(mode);
  it.state.offered = undefined;
  it.state.registrable = undefined;
  return advance(it, user);
}

async function advance(it: Interaction, user: TenantUser): Promise<void> {
  const { mock, state } = it;
  const circumstances = circumstancesOf(it, user);
  const decision = mock.conditionalAccess.evaluate(mock.tenant, circumstances, state.methods);
  if (decision.outcome === 'granted') return finishLogin(it, user, decision);
  if (decision.outcome === 'blocked') {
    logFailure(
      it,
      user,
      signInErrorCodes.blockedByConditionalAccess,
      'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
      decision,
    );
    return html(
      it,
      pages.errorPage({
        title: 'You cannot access this right now',
        message:
          'Your sign-in was successful but does not meet the criteria to access this resource. For example, you might be signing in from a browser, app, or location that is restricted by your admin.',
        code: 53003,
        upn: user.userPrincipalName,
      }),
      403,
    );
  }
  if (decision.outcome === 'unavailable') {
    logFailure(
      it,
      user,
      signInErrorCodes.strengthNotMet,
      'The user has no way to satisfy Conditional Access from this sign-in.',
      decision,
    );
    return html(
      it,
      pages.errorPage({
        title: 'You can’t get there from here',
        message: 'Your organization requires a sign-in method you can’t use here. Contact your admin.',
        code: 53003,
        upn: user.userPrincipalName,
      }),
      403,
    );
  }
  // Interrupted: offer each registered second factor the engine says
  // would complete the sign-in; else the methods that need a restart from Sign-in options.
  const now = mock.now();
  const candidates = secondFactorOptions(mock.store, user, now, state.methods);
  const offered = candidates.filter(
    (m) => mock.conditionalAccess.evaluate(mock.tenant, circumstances, [...state.methods, m]).outcome === 'granted',
  );
  if (offered.length > 0) {
    state.offered = offered;
    const next = secondFactorDefault(mock.store, user, offered) ?? offered[0];
    return redirect(it.res, `${it.base}?method=${next}`);
  }
  const restartWith = firstFactorOptions(mock.store, user, now).filter(
    (m) =>
      !state.methods.includes(m) &&
      mock.conditionalAccess.evaluate(mock.tenant, circumstances, [m]).outcome === 'granted',
  );
  if (restartWith.length > 0) {
    logFailure(
      it,
      user,
      signInErrorCodes.strongAuthRequired,
      'The sign-in method used does not satisfy the required authentication strength; the user was asked to restart with Sign-in options.',
      decision,
    );
    return html(
      it,
      pages.restartPage({
        upn: user.userPrincipalName,
        restartAction: `${it.base}/restart`,
        methodLabels: restartWith.map((m) => methodLabel(m)),
      }),
      401,
    );
  }
  // Combined registration in interrupt mode, when the engine says a method can be registered now.
  const registrable = [
    ...new Set(decision.remedies.filter((r) => r.kind === 'registerMethod').flatMap((r) => r.methods)),
  ].filter((m) => registrableHere.has(m));
  if (registrable.length > 0) {
    state.registrable = registrable;
    return html(
      it,
      pages.registerInterruptPage({
        upn: user.userPrincipalName,
        base: it.base,
        methods: registrable.map((m) => ({ mode: m, label: registrationLabel(m) })),
      }),
      401,
    );
  }
  logFailure(
    it,
    user,
    signInErrorCodes.strengthNotMet,
    'The user has no registered method that satisfies Conditional Access.',
    decision,
  );
  return html(
    it,
    pages.errorPage({
      title: 'You can’t get there from here',
      message: 'Your organization requires a sign-in method you haven’t registered. Contact your admin.',
      code: 53003,
      upn: user.userPrincipalName,
    }),
    403,
  );
}

function evidenceOf(it: Interaction, user: TenantUser): SignInEvidence {
  return {
    methods: [...it.state.methods],
    acrs: [...it.state.requestedAcrs],
    authTime: it.mock.now(),
    userId: user.id,
  };
}

async function createGrant(it: Interaction, accountId: string, evidence: SignInEvidence): Promise<string> {
  const { Grant } = it.mock.provider;
  const existing = it.details.grantId ? await Grant.find(it.details.grantId) : undefined;
  const grant = existing ?? new Grant({ accountId, clientId: it.appId });
  const scopes = String(it.details.params.scope ?? '')
    .split(' ')
    .filter(Boolean);
  const oidc = scopes.filter((s) => oidcScopes.has(s));
  if (oidc.length > 0) grant.addOIDCScope(oidc.join(' '));
  const missing = it.details.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  const byResource = new Map<string, string[]>();
  for (const s of scopes) {
    const resource = resourceOfScope(s);
    if (resource) byResource.set(resource, [...(byResource.get(resource) ?? []), s]);
  }
  for (const [resource, list] of Object.entries(missing.missingResourceScopes ?? {}))
    byResource.set(resource, [...(byResource.get(resource) ?? []), ...list]);
  for (const [resource, list] of byResource) grant.addResourceScope(resource, [...new Set(list)].join(' '));
  const grantId = await grant.save();
  it.mock.evidence.byGrant.set(grantId, evidence);
  return grantId;
}

async function finishLogin(it: Interaction, user: TenantUser, decision: GateDecision): Promise<void> {
  const { mock, state } = it;
  const evidence = evidenceOf(it, user);
  recordSignIn(
    mock.store,
    {
      userId: user.id,
      userPrincipalName: user.userPrincipalName,
      userDisplayName: user.displayName,
      appId: it.appId,
      appDisplayName: it.appName,
      ipAddress: clientIpOf(mock, it.req, state.browserId),
      clientAppUsed: 'Browser',
      isInteractive: true,
      authenticationMethodsUsed: [...state.methods],
      appliedConditionalAccessPolicies: decision.appliedPolicies,
      status: {
        errorCode: 0,
        failureReason: null,
        additionalDetails: decision.isEngineAvailable
          ? null
          : 'Conditional Access engine not available: policies were not evaluated.',
      },
    },
    mock.now(),
  );
  if (state.methods.includes('temporaryAccessPassOneTime')) consumeTemporaryAccessPass(mock.store, user.id);
  const grantId = await createGrant(it, user.id, evidence);
  if (it.details.session?.uid) mock.evidence.bySession.set(it.details.session.uid, evidence);
  mock.signIns.delete(state.uid);
  await mock.provider.interactionFinished(
    it.req,
    it.res,
    {
      select_account: {},
      login: {
        accountId: user.id,
        ts: Math.floor(evidence.authTime / 1000),
        remember: true,
        ...(mock.config.isAmrEmitted ? { amr: amrFor(state.methods) } : {}),
      },
      consent: { grantId },
    },
    { mergeWithLastSubmission: false },
  );
}

// ---- consent and account picker --------------------------------------------------------------

async function handleConsent(it: Interaction, action: string): Promise<void> {
  const session = it.details.session;
  const user = session ? findUser(it.mock.tenant, session.accountId) : undefined;
  if (!session || !user)
    return html(
      it,
      pages.errorPage({
        title: 'Your sign-in session expired',
        message: 'Go back to the application and sign in again.',
      }),
      400,
    );
  const evidence = (session.uid && it.mock.evidence.bySession.get(session.uid)) || undefined;
  // Single sign-on into another app: Conditional Access is evaluated for this app with the
  // methods the session already used; if they do not suffice, the sign-in continues from there.
  if (!it.state.userId) {
    it.state.userId = user.id;
    it.state.methods = evidence && evidence.userId === user.id ? [...evidence.methods] : [];
  }
  const prompts = String(it.details.params.prompt ?? '').split(' ');
  const isConsentAsked = prompts.includes('consent') && it.details.params[implicitConsentParam] !== '1';
  if (isConsentAsked && action !== 'consent') {
    const scopes = String(it.details.params.scope ?? '')
      .split(' ')
      .filter(Boolean);
    return html(
      it,
      pages.consentPage({ action: `${it.base}/consent`, appName: it.appName, scopes, upn: user.userPrincipalName }),
    );
  }
  if (action === 'consent' && it.req.method === 'POST') {
    const form = await readForm(it.req);
    if (form.decision !== 'accept') {
      return it.mock.provider.interactionFinished(
        it.req,
        it.res,
        { error: 'access_denied', error_description: 'AADSTS65004: User declined to consent to access the app.' },
        { mergeWithLastSubmission: false },
      );
    }
  }
  if (it.state.methods.length === 0) return handleLogin(it, action === 'consent' ? '' : action);
  return advance(it, user);
}

async function handleSelectAccount(it: Interaction, action: string): Promise<void> {
  if (it.state.isAccountPicked) return handleLogin(it, action);
  const session = it.details.session;
  const current = session ? findUser(it.mock.tenant, session.accountId) : undefined;
  if (it.req.method === 'POST' && action === 'select') {
    const form = await readForm(it.req);
    it.state.isAccountPicked = true;
    if (form.choice === 'current' && current) {
      it.state.userId = current.id;
      const evidence = session?.uid ? it.mock.evidence.bySession.get(session.uid) : undefined;
      it.state.methods = evidence ? [...evidence.methods] : [];
      if (it.state.methods.length > 0) return advance(it, current);
    } else {
      it.state.userId = undefined;
      it.state.methods = [];
    }
    return redirect(it.res, it.base);
  }
  return html(
    it,
    pages.accountPickerPage({
      action: `${it.base}/select`,
      current: current ? { upn: current.userPrincipalName, name: current.displayName } : undefined,
    }),
  );
}
