// The reset session's life (issue 4; OWASP Forgot Password Cheat Sheet; ASVS5 6.3): it ends after
// success, after its lifetime (15 minutes by default) or after too many failed verifications. Pure: the
// caller passes `now`; server/reset/reset-session-store.ts computes every next state with these functions and
// writes it with a compare-and-set on the state it read, so concurrent requests cannot both pass a check.
import { AppError } from '../app-error';
import type { IdentityServiceId } from './identity-services';

export type ResetSessionLimits = { lifetimeSeconds: number; maxFailures: number };
export const defaultResetSessionLimits: ResetSessionLimits = { lifetimeSeconds: 15 * 60, maxFailures: 10 };

export type ResetSessionEndReason = 'completed' | 'expired' | 'tooManyFailures';
export type ResetSessionStatus = 'active' | ResetSessionEndReason;

export type ResetSessionSnapshot = {
  expiresAt: Date;
  failures: number;
  verified: readonly IdentityServiceId[];
  completedAt: Date | null;
  endedReason: string | null;
};

export function resetSessionStatus(
  session: ResetSessionSnapshot,
  now: Date,
  limits: ResetSessionLimits,
): ResetSessionStatus {
  if (session.completedAt || session.endedReason === 'completed') return 'completed';
  if (session.endedReason === 'tooManyFailures' || session.failures >= limits.maxFailures) return 'tooManyFailures';
  if (session.endedReason === 'expired' || now.getTime() >= session.expiresAt.getTime()) return 'expired';
  return 'active';
}

/** Throws EXPIRED with the reason when the session may no longer be used. */
export function assertResetSessionActive(session: ResetSessionSnapshot, now: Date, limits: ResetSessionLimits): void {
  const status = resetSessionStatus(session, now, limits);
  if (status !== 'active')
    throw new AppError('EXPIRED', `This reset session has ended (${status}). Start again.`, { reason: status });
}

export function expiryFor(createdAt: Date, limits: ResetSessionLimits): Date {
  return new Date(createdAt.getTime() + limits.lifetimeSeconds * 1000);
}

export function withServiceVerified(
  session: ResetSessionSnapshot,
  service: IdentityServiceId,
  now: Date,
  limits: ResetSessionLimits,
): ResetSessionSnapshot {
  assertResetSessionActive(session, now, limits);
  return session.verified.includes(service) ? session : { ...session, verified: [...session.verified, service] };
}

export function withFailure(
  session: ResetSessionSnapshot,
  now: Date,
  limits: ResetSessionLimits,
): ResetSessionSnapshot {
  assertResetSessionActive(session, now, limits);
  const failures = session.failures + 1;
  return {
    ...session,
    failures,
    endedReason: failures >= limits.maxFailures ? 'tooManyFailures' : session.endedReason,
  };
}

/**
 * Completion is recorded after the directory accepted the new password, so it does not re-check the lifetime
 * (the check ran when the session claimed the write): a slow directory must not leave a changed password on a
 * session that looks unfinished. A session completes once.
 */
export function withCompletion(session: ResetSessionSnapshot, now: Date): ResetSessionSnapshot {
  if (session.completedAt || session.endedReason === 'completed')
    throw new AppError('EXPIRED', 'This reset session has ended (completed). Start again.', { reason: 'completed' });
  return { ...session, completedAt: now, endedReason: 'completed' };
}
