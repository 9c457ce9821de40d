import 'server-only';
// The "Microsoft Entra MFA" identity service of the reset portal, built on the reusable
// server/verification/entra-mfa-verification.ts. The pending round trip (state hash, nonce, PKCE
// verifier) is stored as a VerificationChallenge of the reset session, so the callback only counts for
// the browser that started it, once, within 10 minutes.
import { AppError } from '../../lib/app-error';
import type {
  EntraCallbackQuery,
  EntraMfaFailureReason,
  EntraMfaPendingVerification,
} from '../verification/entra-mfa-verification';
import { isStateOf } from '../verification/entra-mfa-verification';
import { consumeStartAttempt } from './reset-attempt-limits';
import { auditReset } from './reset-audit';
import type { RequestOrigin, ResetDependencies } from './reset-dependencies';
import { replaceOpenChallenge } from './open-challenge';
import {
  ensureAccountResolved,
  loadActiveResetSession,
  recordServiceVerified,
  recordSessionFailure,
} from './reset-session-store';
import { assertServiceEnabled } from './verification-codes';
import { resetSessionReference } from './reset-secrets';

const roundTripSeconds = 10 * 60;

export function entraCallbackPath(purpose: 'reset' | 'unlock'): string {
  // The redirect URIs registered on the reset app (docs/reset-portal.md).
  return `/${purpose}/verify/entra/callback`;
}

export async function startEntraVerification(
  deps: ResetDependencies,
  input: { token: string | undefined; origin: RequestOrigin },
): Promise<{ authorizeUrl: string }> {
  const loaded = await loadActiveResetSession(deps, input.token);
  await assertServiceEnabled(deps, 'entraMfa');
  const limit = await consumeStartAttempt(deps, loaded.row.username, input.origin);
  if (!limit.allowed) throw new AppError('RATE_LIMITED', 'Too many attempts. Wait a few minutes and try again.');
  const session = await ensureAccountResolved(deps, loaded);
  const now = deps.now();
  const redirectUri = new URL(entraCallbackPath(session.purpose), deps.settings.appOrigin).href;
  const { authorizeUrl, pending } = await deps.entra.start({
    loginHint: session.row.username,
    expectedOid: session.row.userId,
    redirectUri,
    binding: session.row.id,
    now,
  });
  await replaceOpenChallenge(deps, {
    resetSessionId: session.row.id,
    service: 'entraMfa',
    now,
    lifetimeSeconds: roundTripSeconds,
    secrets: { stateHash: pending.stateHash, nonce: pending.nonce, codeVerifier: pending.codeVerifier },
  });
  return { authorizeUrl };
}

type EntraReturnFailure = EntraMfaFailureReason | 'noPendingVerification';
export type EntraReturn = { outcome: 'verified' } | { outcome: 'failed'; reason: EntraReturnFailure };

// Cancelling or an error page at Entra is not an attack: it does not count towards the session's failures. A
// callback without the round trip's state is not the user's: counting it would let anyone end the session.
const benignReasons: ReadonlySet<EntraReturnFailure> = new Set<EntraReturnFailure>([
  'cancelled',
  'entraError',
  'noPendingVerification',
  'stateMismatch',
]);

export async function completeEntraVerification(
  deps: ResetDependencies,
  input: { token: string | undefined; query: EntraCallbackQuery; origin: RequestOrigin },
): Promise<EntraReturn> {
  const session = await loadActiveResetSession(deps, input.token);
  const now = deps.now();
  const challenge = await deps.db.verificationChallenge.findFirst({
    where: { resetSessionId: session.row.id, service: 'entraMfa', consumedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: 'desc' },
  });
  let result: EntraReturn;
  if (!challenge?.stateHash || !challenge.nonce || !challenge.codeVerifier) {
    result = { outcome: 'failed', reason: 'noPendingVerification' };
  } else if (!isStateOf(input.query.state, challenge.stateHash)) {
    // Not the browser's own round trip coming back (a forged top-level GET carries the cookie too): the pending
    // verification stays for the real callback, and the session is not charged (issue 11, finding 7).
    result = { outcome: 'failed', reason: 'stateMismatch' };
  } else {
    // Single use: the first callback consumes the round trip whatever its result.
    const consumed = await deps.db.verificationChallenge.updateMany({
      where: { id: challenge.id, consumedAt: null },
      data: { consumedAt: now, attempts: { increment: 1 } },
    });
    const pending: EntraMfaPendingVerification = {
      stateHash: challenge.stateHash,
      nonce: challenge.nonce,
      codeVerifier: challenge.codeVerifier,
      expectedOid: session.row.userId,
      binding: session.row.id,
      redirectUri: new URL(entraCallbackPath(session.purpose), deps.settings.appOrigin).href,
      startedAt: challenge.createdAt.getTime(),
    };
    const verified =
      consumed.count === 1
        ? await deps.entra.complete({ query: input.query, pending, binding: session.row.id, now })
        : ({ ok: false, reason: 'stateMismatch' } as const);
    result = verified.ok ? { outcome: 'verified' } : { outcome: 'failed', reason: verified.reason };
  }
  if (result.outcome === 'verified') {
    await recordServiceVerified(deps, session.row.id, 'entraMfa');
  } else if (!benignReasons.has(result.reason)) {
    await recordSessionFailure(deps, session.row.id);
  }
  await auditReset(deps, {
    action: 'reset.verification',
    outcome: result.outcome === 'verified' ? 'success' : 'failure',
    subjectId: session.row.userId,
    purpose: session.purpose,
    sessionId: resetSessionReference(session.row),
    service: 'entraMfa',
    origin: input.origin,
    ...(result.outcome === 'failed' ? { reason: result.reason } : {}),
  });
  return result;
}
