import 'server-only';
// Identity verification through a Microsoft Entra sign-in (OpenID Connect authorization code + PKCE with
// @azure/msal-node), reusable by the reset portal and the service desk's "sign-in link" method.
//   start(...)    → the authorize URL and a record the caller stores (server side) until the user returns
//   complete(...) → the verified claims, or a typed failure the caller can explain to the user
// What is checked on return (ASVS5 10.x and 6.8.4; Microsoft: id-token-claims-reference, claims-challenge):
// state (hash, constant-time) and the caller's binding; the code exchanged with the PKCE verifier; the ID
// token's nonce (MSAL and here), issuer, audience and tenant; `oid` equal to the account the caller
// expected; `auth_time` fresh (prompt=login forces a new authentication); MFA evidence: the configured
// authentication context in `acrs`, else `amr` containing `mfa`.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  ConfidentialClientApplication,
  CryptoProvider,
  type Configuration,
  type INetworkModule,
} from '@azure/msal-node';
import { z } from 'zod';

export type EntraMfaOptions = {
  authorityHost: string;
  tenantId: string;
  clientId: string;
  credential: { clientSecret: string } | { certificate: { thumbprintSha256: string; privateKey: string } };
  /** c1..c99: require it in `acrs` (and ask for it with the claims parameter) instead of `amr: mfa`. */
  requiredAuthenticationContext?: string;
  maxAuthAgeSeconds: number;
  /** For tests against the mock's own CA; production uses MSAL's default client. */
  networkClient?: INetworkModule;
};

/** Kept by the caller (database) between start and complete. Holds no token. */
export const entraMfaPendingVerificationSchema = z.object({
  stateHash: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  expectedOid: z.string().nullable(),
  binding: z.string(),
  redirectUri: z.string(),
  startedAt: z.number(),
});
export type EntraMfaPendingVerification = z.infer<typeof entraMfaPendingVerificationSchema>;

export type EntraMfaVerifiedClaims = {
  oid: string;
  tid: string;
  preferredUsername: string | null;
  authTime: number;
  amr: string[];
  acrs: string[];
};

export const entraMfaFailureReasons = [
  'cancelled',
  'entraError',
  'missingCode',
  'stateMismatch',
  'bindingMismatch',
  'tokenExchangeFailed',
  'nonceMismatch',
  'wrongIssuer',
  'oidMismatch',
  'staleAuthentication',
  'noMfaEvidence',
] as const;
export type EntraMfaFailureReason = (typeof entraMfaFailureReasons)[number];

export type EntraMfaResult =
  | { ok: true; claims: EntraMfaVerifiedClaims }
  | { ok: false; reason: EntraMfaFailureReason; entraErrorCode?: string; detail?: string };

export const entraCallbackQuerySchema = z.object({
  code: z.string().min(1).max(4096).optional(),
  state: z.string().min(1).max(512).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  error_subcode: z.string().max(200).optional(),
});
export type EntraCallbackQuery = z.infer<typeof entraCallbackQuerySchema>;

const idTokenClaimsSchema = z.looseObject({
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  tid: z.string(),
  oid: z.string(),
  nonce: z.string().optional(),
  preferred_username: z.string().optional(),
  auth_time: z.number().optional(),
  amr: z.array(z.string()).optional(),
  acrs: z.array(z.string()).optional(),
});

const sha256 = (value: string) => createHash('sha256').update(value).digest();
const clockSkewSeconds = 60;

export function createEntraMfaVerification(options: EntraMfaOptions) {
  const authority = `${options.authorityHost.replace(/\/$/, '')}/${options.tenantId}`;
  const expectedIssuer = `${authority}/v2.0`;
  const host = new URL(options.authorityHost).host;
  const isMicrosoftHost = host === 'login.microsoftonline.com';
  const claimsRequest = options.requiredAuthenticationContext
    ? JSON.stringify({
        id_token: { acrs: { essential: true, value: options.requiredAuthenticationContext } },
        access_token: { acrs: { essential: true, value: options.requiredAuthenticationContext } },
      })
    : undefined;

  // A fresh application per call keeps MSAL's token cache from accumulating verification tokens.
  function application(): ConfidentialClientApplication {
    const configuration: Configuration = {
      auth: {
        clientId: options.clientId,
        authority,
        // Any host other than Microsoft's (the mock in development) must be declared (MSAL "knownAuthorities").
        ...(isMicrosoftHost ? {} : { knownAuthorities: [host] }),
        ...('clientSecret' in options.credential
          ? { clientSecret: options.credential.clientSecret }
          : {
              clientCertificate: {
                thumbprintSha256: options.credential.certificate.thumbprintSha256,
                privateKey: options.credential.certificate.privateKey,
              },
            }),
      },
      ...(options.networkClient ? { system: { networkClient: options.networkClient } } : {}),
    };
    return new ConfidentialClientApplication(configuration);
  }

  async function start(input: {
    loginHint: string;
    expectedOid: string | null;
    redirectUri: string;
    binding: string;
    now: Date;
  }): Promise<{ authorizeUrl: string; pending: EntraMfaPendingVerification }> {
    const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
    const state = randomBytes(32).toString('base64url');
    const nonce = randomBytes(32).toString('base64url');
    const authorizeUrl = await application().getAuthCodeUrl({
      scopes: ['openid', 'profile'],
      redirectUri: input.redirectUri,
      codeChallenge: challenge,
      codeChallengeMethod: 'S256',
      state,
      nonce,
      loginHint: input.loginHint,
      // A new authentication every time: an existing Entra session is not proof for a reset.
      prompt: 'login',
      ...(claimsRequest ? { claims: claimsRequest } : {}),
    });
    return {
      authorizeUrl,
      pending: {
        stateHash: sha256(state).toString('base64url'),
        nonce,
        codeVerifier: verifier,
        expectedOid: input.expectedOid,
        binding: input.binding,
        redirectUri: input.redirectUri,
        startedAt: input.now.getTime(),
      },
    };
  }

  async function complete(input: {
    query: EntraCallbackQuery;
    pending: EntraMfaPendingVerification;
    binding: string;
    now: Date;
  }): Promise<EntraMfaResult> {
    const { query, pending } = input;
    if (!isStateOf(query.state, pending.stateHash)) return { ok: false, reason: 'stateMismatch' };
    if (pending.binding !== input.binding) return { ok: false, reason: 'bindingMismatch' };
    if (query.error) {
      // access_denied is what Entra returns when the user cancels (AADSTS50126/65004 differ by subcode).
      const reason = query.error === 'access_denied' || query.error_subcode === 'cancel' ? 'cancelled' : 'entraError';
      return {
        ok: false,
        reason,
        entraErrorCode: query.error,
        ...(query.error_description ? { detail: query.error_description.slice(0, 300) } : {}),
      };
    }
    if (!query.code) return { ok: false, reason: 'missingCode' };
    let rawClaims: unknown;
    try {
      const result = await application().acquireTokenByCode({
        code: query.code,
        scopes: ['openid', 'profile'],
        redirectUri: pending.redirectUri,
        codeVerifier: pending.codeVerifier,
        nonce: pending.nonce,
      });
      rawClaims = result.idTokenClaims;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        reason: /nonce/i.test(message) ? 'nonceMismatch' : 'tokenExchangeFailed',
        detail: message.slice(0, 300),
      };
    }
    return checkClaims(rawClaims, pending, input.now);
  }

  function checkClaims(rawClaims: unknown, pending: EntraMfaPendingVerification, now: Date): EntraMfaResult {
    const parsed = idTokenClaimsSchema.safeParse(rawClaims);
    if (!parsed.success)
      return { ok: false, reason: 'tokenExchangeFailed', detail: 'The ID token is missing required claims.' };
    const claims = parsed.data;
    if (claims.nonce !== pending.nonce) return { ok: false, reason: 'nonceMismatch' };
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (claims.iss !== expectedIssuer || claims.tid !== options.tenantId || !audiences.includes(options.clientId))
      return { ok: false, reason: 'wrongIssuer' };
    if (!pending.expectedOid || claims.oid !== pending.expectedOid) return { ok: false, reason: 'oidMismatch' };
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const authTime = claims.auth_time;
    const startedSeconds = Math.floor(pending.startedAt / 1000);
    if (
      authTime === undefined ||
      authTime < startedSeconds - clockSkewSeconds ||
      nowSeconds - authTime > options.maxAuthAgeSeconds ||
      authTime > nowSeconds + clockSkewSeconds
    ) {
      return { ok: false, reason: 'staleAuthentication' };
    }
    const amr = claims.amr ?? [];
    const acrs = claims.acrs ?? [];
    const hasEvidence = options.requiredAuthenticationContext
      ? acrs.includes(options.requiredAuthenticationContext)
      : amr.includes('mfa');
    if (!hasEvidence) return { ok: false, reason: 'noMfaEvidence' };
    return {
      ok: true,
      claims: {
        oid: claims.oid,
        tid: claims.tid,
        preferredUsername: claims.preferred_username ?? null,
        authTime,
        amr,
        acrs,
      },
    };
  }

  return { start, complete, checkClaims };
}

/** Whether a callback's `state` is the one of the pending round trip (hash compared in constant time). */
export function isStateOf(state: string | undefined, stateHash: string): boolean {
  const expected = Buffer.from(stateHash, 'base64url');
  const actual = sha256(state ?? '');
  return Boolean(state) && actual.length === expected.length && timingSafeEqual(actual, expected);
}

export type EntraMfaVerification = ReturnType<typeof createEntraMfaVerification>;
