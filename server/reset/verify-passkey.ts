import 'server-only';
// The portal's passkey service in a reset: WebAuthn authentication with discoverable credentials. The
// options are the same for every username (no allowCredentials list, which would reveal whether the
// account has passkeys); the assertion must come from a passkey enrolled by the account being reset.
// Challenge: a VerificationChallenge of the session, single use, 5 minutes.
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import type { RequestOrigin, ResetDependencies } from './reset-dependencies';
import { ensureAccountResolved, loadActiveResetSession, type LoadedResetSession } from './reset-session-store';
import { assertServiceEnabled } from './verification-codes';
import { replaceOpenChallenge } from './open-challenge';
import { recordVerificationFailure, recordVerificationSuccess } from './verification-attempt';

const ceremonySeconds = 5 * 60;
const base64url = z
  .string()
  .max(16 * 1024)
  .regex(/^[A-Za-z0-9_-]*={0,2}$/);
/** The browser's assertion (WebAuthn's AuthenticationResponseJSON), checked member by member before verification. */
export const assertionSchema = z.object({
  id: z.string().min(1).max(1024),
  rawId: z.string().max(1024),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
  authenticatorAttachment: z.enum(['cross-platform', 'platform']).optional(),
  // Verification reads none of the client's extension results; the ones it could are kept, the rest dropped.
  clientExtensionResults: z.object({ appid: z.boolean().optional() }).default({}),
}) satisfies z.ZodType<AuthenticationResponseJSON>;

function relyingPartyOf(deps: ResetDependencies): { rpID: string; origin: string } {
  const url = new URL(deps.settings.appOrigin);
  return { rpID: url.hostname, origin: url.origin };
}

export async function passkeyAuthenticationOptions(
  deps: ResetDependencies,
  input: { token: string | undefined },
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const session = await loadActiveResetSession(deps, input.token);
  await assertServiceEnabled(deps, 'passkey');
  const options = await generateAuthenticationOptions({
    rpID: relyingPartyOf(deps).rpID,
    userVerification: 'required',
  });
  const now = deps.now();
  await replaceOpenChallenge(deps, {
    resetSessionId: session.row.id,
    service: 'passkey',
    now,
    lifetimeSeconds: ceremonySeconds,
    secrets: { nonce: options.challenge },
  });
  return options;
}

export async function verifyPasskey(
  deps: ResetDependencies,
  input: { token: string | undefined; response: unknown; origin: RequestOrigin },
): Promise<LoadedResetSession> {
  const loaded = await loadActiveResetSession(deps, input.token);
  await assertServiceEnabled(deps, 'passkey');
  const assertion = assertionSchema.parse(input.response);
  const session = await ensureAccountResolved(deps, loaded);
  const now = deps.now();
  const attempt = { session, service: 'passkey', origin: input.origin } as const;
  const fail = async (reason: string) => {
    await recordVerificationFailure(deps, attempt, reason);
    return new AppError('INVALID_INPUT', 'That passkey could not confirm it is you. Try another service.', {
      reason: 'passkeyFailed',
    });
  };
  const challenge = await deps.db.verificationChallenge.findFirst({
    where: { resetSessionId: session.row.id, service: 'passkey', consumedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: 'desc' },
  });
  if (!challenge?.nonce) throw await fail('noChallenge');
  const consumed = await deps.db.verificationChallenge.updateMany({
    where: { id: challenge.id, consumedAt: null },
    data: { consumedAt: now, attempts: { increment: 1 } },
  });
  if (consumed.count === 0) throw await fail('challengeUsed');
  const credential = session.row.userId
    ? await deps.db.portalCredential.findFirst({
        where: { userId: session.row.userId, kind: 'passkey', credentialId: assertion.id },
      })
    : null;
  if (!credential?.credentialId || !credential.publicKey) throw await fail('unknownCredential');
  const { rpID, origin } = relyingPartyOf(deps);
  let newCounter: number;
  try {
    const result = await verifyAuthenticationResponse({
      response: assertion,
      expectedChallenge: challenge.nonce,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
      credential: {
        id: credential.credentialId,
        publicKey: new Uint8Array(Buffer.from(credential.publicKey, 'base64url')),
        counter: credential.counter,
      },
    });
    if (!result.verified) throw new Error('not verified');
    newCounter = result.authenticationInfo.newCounter;
  } catch {
    throw await fail('assertionInvalid');
  }
  await deps.db.portalCredential.update({
    where: { id: credential.id },
    data: { counter: newCounter, lastUsedAt: now },
  });
  return recordVerificationSuccess(deps, attempt);
}
