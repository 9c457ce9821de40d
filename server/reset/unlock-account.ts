// The end of an unlock: clears Entra's smart lockout for the verified account (Graph; in the mock
// POST /users/{id}/unlock, see docs/reset-portal.md for real Entra). Once per session, like a reset.
import { AppError } from '../../lib/app-error';
import type { Locale } from '../../lib/i18n/pick-locale';
import { auditReset } from './reset-audit';
import { notifyUser, requireVerifiedSession } from './change-password';
import type { RequestOrigin, ResetDependencies } from './reset-dependencies';

export async function unlockAccount(
  deps: ResetDependencies,
  input: { token: string | undefined; locale: Locale; origin: RequestOrigin },
): Promise<void> {
  const session = await requireVerifiedSession(deps, input.token, 'unlock');
  const userId = String(session.row.userId);
  const claimedAt = deps.now();
  const claim = await deps.db.resetSession.updateMany({
    where: { id: session.row.id, passwordClaimedAt: null, completedAt: null, endedReason: null },
    data: { passwordClaimedAt: claimedAt },
  });
  if (claim.count === 0)
    throw new AppError('CONFLICT', 'Your account is already being unlocked. Wait a moment.', {
      reason: 'alreadyInProgress',
    });
  try {
    await deps.directory.unlock(userId);
  } catch {
    await deps.db.resetSession.updateMany({
      where: { id: session.row.id, passwordClaimedAt: claimedAt },
      data: { passwordClaimedAt: null },
    });
    throw new AppError(
      'UPSTREAM_ERROR',
      'Microsoft Entra ID did not accept the unlock right now. Try again in a moment.',
      { reason: 'entraUnavailable' },
    );
  }
  const now = deps.now();
  await deps.db.resetSession.update({
    where: { id: session.row.id },
    data: { completedAt: now, endedReason: 'completed' },
  });
  await auditReset(deps, {
    action: 'unlock.completed',
    outcome: 'success',
    subjectId: userId,
    purpose: 'unlock',
    sessionId: session.row.id,
    services: session.snapshot.verified,
    origin: input.origin,
  });
  notifyUser(deps, await deps.directory.getUser(userId), 'accountUnlocked', input.locale, now);
}
