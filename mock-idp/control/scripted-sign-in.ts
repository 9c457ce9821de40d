// A complete sign-in driven over HTTP, as a browser would: authorize with PKCE S256, the sign-in
// pages, the Authenticator through the control API, then the code exchange. Used by the control
// API's /control/scripted-sign-in, the tests and the benchmark. Needs MOCK_IDP_CONTROL_API=1 for
// pushes and SMS codes.
import crypto from 'node:crypto';
import * as OTPAuth from 'otpauth';
import { z } from 'zod';
import { authenticationMethodModeSchema } from '../../lib/conditional-access/authentication-method-mode';
import { createHttpClient, formBody, type HttpClient, type HttpResponse } from '../http/https-client';

export const scriptedSignInSchema = z.object({
  tenant: z.string().min(1),
  clientId: z.string().min(1),
  clientSecret: z.string().optional(),
  redirectUri: z.string().url(),
  scope: z.string().default('openid profile offline_access'),
  userPrincipalName: z.string().min(3),
  methods: z.array(authenticationMethodModeSchema).min(1),
  password: z.string().optional(),
  temporaryAccessPass: z.string().optional(),
  totpSecret: z.string().optional(),
  windowsHelloPin: z.string().optional(),
  authenticatorPin: z.string().default('1234'),
  clientIp: z.string().optional(),
  claims: z.string().optional(),
  prompt: z.string().optional(),
  exchangeCode: z.boolean().default(true),
  /** An authorize URL built by a client library (MSAL, openid-client); the caller exchanges the code. */
  authorizeUrl: z.string().url().optional(),
});

export type ScriptedSignInRequest = z.input<typeof scriptedSignInSchema>;

export type ScriptedSignInOutcome =
  'granted' | 'interrupted' | 'restartRequired' | 'registrationRequired' | 'blocked' | 'unavailable' | 'failed';

export type ScriptedSignInResult = {
  outcome: ScriptedSignInOutcome;
  /** Methods the page offered next when the sign-in stopped as interrupted. */
  nextMethod?: string;
  tokens?: Record<string, unknown>;
  code?: string;
  redirectUrl?: string;
  message?: string;
  steps: string[];
};

// The control API's outbox and the token endpoint answer JSON; an answer of another shape is a failed step.
const outboxAnswerSchema = z.object({ value: z.array(z.object({ code: z.string() })) });
const tokenAnswerSchema = z.record(z.string(), z.unknown());

function jsonOf(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    return undefined;
  }
}

function pageKind(html: string): ScriptedSignInOutcome | undefined {
  if (html.includes('AADSTS53003') && html.includes('You cannot access this right now')) return 'blocked';
  if (html.includes('You can’t get there from here')) return 'unavailable';
  if (html.includes('Your organization requires a stronger way to sign in')) return 'restartRequired';
  if (html.includes('data-outcome="notRegistered"')) return 'failed';
  if (html.includes('data-outcome="notAllowed"')) return 'failed';
  if (html.includes('data-outcome="notOffered"')) return 'interrupted';
  if (html.includes('data-outcome="registerMethod"')) return 'registrationRequired';
  return undefined;
}

// Pages that end the attempt at once; after the others the flow goes on with its next method, as a
// user following the flow would (a method the page refuses then decides the outcome).
const finalKinds: ReadonlySet<ScriptedSignInOutcome> = new Set(['blocked', 'unavailable', 'failed', 'interrupted']);

export async function runScriptedSignIn(
  origin: string,
  ca: string | undefined,
  input: ScriptedSignInRequest,
  client: HttpClient = createHttpClient(ca),
): Promise<ScriptedSignInResult> {
  const request = scriptedSignInSchema.parse(input);
  const steps: string[] = [];
  const verifier = crypto.randomBytes(32).toString('base64url');
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  const state = crypto.randomBytes(8).toString('hex');
  const authorize = new URL(`${origin}/${request.tenant}/oauth2/v2.0/authorize`);
  const params: Record<string, string> = {
    client_id: request.clientId,
    response_type: 'code',
    redirect_uri: request.redirectUri,
    scope: request.scope,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
    nonce: crypto.randomBytes(8).toString('hex'),
    login_hint: request.userPrincipalName,
    ...(request.claims ? { claims: request.claims } : {}),
    ...(request.prompt ? { prompt: request.prompt } : {}),
  };
  Object.entries(params).forEach(([k, v]) => authorize.searchParams.set(k, v));

  let current = request.authorizeUrl ?? authorize.href;
  let response: HttpResponse = await client.request(current);
  const follow = async (): Promise<void> => {
    for (let hops = 0; hops < 20 && response.status >= 300 && response.status < 400; hops++) {
      const location = String(response.headers.location ?? '');
      current = new URL(location, current).href;
      if (current.startsWith(request.redirectUri)) return;
      response = await client.request(current);
    }
  };
  await follow();
  const interaction = /^(https:\/\/[^/]+\/[^/]+\/interaction\/[^/?#]+)/.exec(current)?.[1];
  if (!interaction)
    return {
      outcome: 'failed',
      message: `no interaction page (status ${response.status}): ${response.body.slice(0, 300)}`,
      steps,
    };

  if (request.clientIp) {
    const browserId = client.cookies.get('mock_idp_browser');
    const r = await client.request(`${origin}/control/client-ip`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ browserId, ip: request.clientIp }),
    });
    if (r.status !== 200) return { outcome: 'failed', message: `control API refused the client IP: ${r.body}`, steps };
  }

  const post = async (path: string, values: Record<string, string>): Promise<void> => {
    const { body, headers } = formBody(values);
    current = `${interaction}/${path}`;
    response = await client.request(current, { method: 'POST', body, headers });
    await follow();
  };
  const control = async (path: string, values: Record<string, unknown> = {}): Promise<HttpResponse> =>
    client.request(`${origin}/control/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(values),
    });

  const upn = encodeURIComponent(request.userPrincipalName);
  for (const method of request.methods) {
    if (current.startsWith(request.redirectUri)) break;
    const stopped = pageKind(response.body);
    if (stopped && finalKinds.has(stopped)) return { outcome: stopped, steps };
    steps.push(method);
    switch (method) {
      case 'password':
        await post('password', { password: request.password ?? '' });
        break;
      case 'deviceBasedPush':
      case 'microsoftAuthenticatorPush': {
        await post('push', {});
        const number = /data-testid="push-number"[^>]*>(\d+)</.exec(response.body)?.[1];
        if (!number)
          return {
            outcome: pageKind(response.body) ?? 'failed',
            message: /<p class="error"[^>]*>([^<]*)</.exec(response.body)?.[1] ?? 'no number shown',
            steps,
          };
        const approved = await control(`authenticator/${upn}/requests/latest/approve`, {
          number: Number(number),
          pin: request.authenticatorPin,
        });
        if (approved.status !== 200) return { outcome: 'failed', message: `approve failed: ${approved.body}`, steps };
        await post('push-result', {});
        break;
      }
      case 'softwareOath':
      case 'hardwareOath': {
        if (!request.totpSecret) return { outcome: 'failed', message: 'totpSecret is required', steps };
        const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(request.totpSecret), digits: 6, period: 30 });
        await post('totp', { code: totp.generate() });
        break;
      }
      case 'sms':
      case 'voice': {
        await post('send-code', { channel: method });
        const refused = pageKind(response.body);
        if (refused) return { outcome: refused, steps };
        const outbox = await client.request(`${origin}/control/outbox?upn=${upn}`);
        const sent = outboxAnswerSchema.safeParse(jsonOf(outbox.body));
        const code = sent.success ? sent.data.value[0]?.code : undefined;
        if (!code) return { outcome: 'failed', message: 'no code in the outbox', steps };
        await post('code', { code });
        break;
      }
      case 'temporaryAccessPassOneTime':
      case 'temporaryAccessPassMultiUse':
        await post('tap', { pass: request.temporaryAccessPass ?? '' });
        break;
      case 'windowsHelloForBusiness':
        await post('whfb', { pin: request.windowsHelloPin ?? '' });
        break;
      case 'fido2': {
        // No WebAuthn here: an empty assertion reaches the step's check, so a passkey the page refuses (not
        // registered, not allowed by the methods policy) says so; one it accepts needs a browser authenticator.
        await post('fido2', { response: '{}' });
        const refused = pageKind(response.body);
        if (refused) return { outcome: refused, steps };
        return { outcome: 'failed', message: 'FIDO2 needs a browser authenticator', steps };
      }
      default:
        return {
          outcome: 'failed',
          message: `${method} cannot be scripted (FIDO2 needs a browser authenticator)`,
          steps,
        };
    }
  }
  if (!current.startsWith(request.redirectUri)) {
    const stopped = pageKind(response.body);
    if (stopped) return { outcome: stopped, steps };
    const next = /[?&]method=([A-Za-z0-9]+)/.exec(current)?.[1];
    const error = /class="error"[^>]*>([^<]*)</.exec(response.body)?.[1];
    return { outcome: error ? 'failed' : 'interrupted', nextMethod: next, message: error, steps };
  }
  const redirected = new URL(current);
  const code = redirected.searchParams.get('code');
  if (!code && request.authorizeUrl)
    return { outcome: 'failed', redirectUrl: current, message: redirected.search, steps };
  if (!code) return { outcome: 'failed', message: `redirected without a code: ${redirected.search}`, steps };
  if (request.authorizeUrl) return { outcome: 'granted', code, redirectUrl: current, steps };
  if (redirected.searchParams.get('state') !== state) return { outcome: 'failed', message: 'state mismatch', steps };
  if (!request.exchangeCode) return { outcome: 'granted', code, steps };
  const { body, headers } = formBody({
    grant_type: 'authorization_code',
    code,
    redirect_uri: request.redirectUri,
    client_id: request.clientId,
    code_verifier: verifier,
    ...(request.clientSecret ? { client_secret: request.clientSecret } : {}),
  });
  const token = await client.request(`${origin}/${request.tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    body,
    headers,
  });
  if (token.status !== 200)
    return { outcome: 'failed', message: `token endpoint: ${token.status} ${token.body}`, steps };
  const tokens = tokenAnswerSchema.safeParse(jsonOf(token.body));
  if (!tokens.success) return { outcome: 'failed', message: `token endpoint: not a JSON object: ${token.body}`, steps };
  return { outcome: 'granted', tokens: tokens.data, steps };
}
