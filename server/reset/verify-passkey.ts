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
import { auditReset } from './reset-audit';
import type { RequestOrigin, ResetDependencies } from './reset-dependencies';
import {
  ensureAccountResolved,
  loadActiveResetSession,
  recordServiceVerified,
  recordSessionFailure,
  type LoadedResetSession,
} from './reset-session-store';
import { assertServiceEnabled } from './verification-codes';
import { resetSessionReference } from './reset-secrets';

const ceremonySeconds = 5 * 60;
export const assertionSchema = z.looseObject({
  id: z.string().min(1).max(1024),
  rawId: z.string().max(1024),
  type: z.literal('public-key'),
  response: z.looseObject({}),
});

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
  await deps.db.$transaction([
    deps.db.verificationChallenge.updateMany({
      where: { resetSessionId: session.row.id, service: 'passkey', consumedAt: null },
      data: { consumedAt: now },
    }),
    deps.db.verificationChallenge.create({
      data: {
        id: crypto.randomUUID(),
        resetSessionId: session.row.id,
        service: 'passkey',
        nonce: options.challenge,
        createdAt: now,
        expiresAt: new Date(now.getTime() + ceremonySeconds * 1000),
      },
    }),
  ]);
  return options;
}

export async function verifyPasskey(
  deps: ResetDependencies,
  input: { token: string | undefined; response: unknown; origin: RequestOrigin },
): Promise<LoadedResetSession> {
  const loaded = await loadActiveResetSession(deps, input.token);
  await assertServiceEnabled(deps, 'passkey');
  const assertion = assertionSchema.parse(input.response) as unknown as AuthenticationResponseJSON;
  const session = await ensureAccountResolved(deps, loaded);
  const now = deps.now();
  const fail = async (reason: string) => {
    await recordSessionFailure(deps, session.row.id);
    await auditReset(deps, {
      action: 'reset.verification',
      outcome: 'failure',
      subjectId: session.row.userId,
      purpose: session.purpose,
      sessionId: resetSessionReference(session.row),
      service: 'passkey',
      reason,
      origin: input.origin,
    });
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
  const updated = await recordServiceVerified(deps, session.row.id, 'passkey');
  await auditReset(deps, {
    action: 'reset.verification',
    outcome: 'success',
    subjectId: session.row.userId,
    purpose: session.purpose,
    sessionId: resetSessionReference(session.row),
    service: 'passkey',
    origin: input.origin,
  });
  return updated;
}
