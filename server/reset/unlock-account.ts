// The end of an unlock: clears the lockout at the user's source of authority: AD's lockoutTime=0 for a
// synced user, Entra's smart lockout for a cloud-only one (Graph; in the mock POST /users/{id}/unlock, see
// docs/reset-portal.md for real Entra). Once per session, like a reset.
import { AppError } from '../../lib/app-error';
import type { Locale } from '../../lib/i18n/pick-locale';
import { auditReset } from './reset-audit';
import { notifyUser, requireVerifiedSession } from './change-password';
import { SelfServiceWriteError, writeAtSourceOfAuthority } from '../hybrid/self-service-write';
import type { RequestOrigin, ResetDependencies } from './reset-dependencies';
import { recordSessionCompleted } from './reset-session-store';
import { resetSessionReference } from './reset-secrets';

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
  const user = await deps.directory.getUser(userId);
  try {
    await writeAtSourceOfAuthority(deps, user, { kind: 'unlock' });
  } catch (error) {
    await deps.db.resetSession.updateMany({
      where: { id: session.row.id, passwordClaimedAt: claimedAt },
      data: { passwordClaimedAt: null },
    });
    const failure = error instanceof SelfServiceWriteError ? error : null;
    await auditReset(deps, {
      action: 'unlock.rejected',
      outcome: failure?.shown.reason === 'selfServiceRefused' ? 'denied' : 'failure',
      subjectId: userId,
      purpose: 'unlock',
      sessionId: resetSessionReference(session.row),
      services: session.snapshot.verified,
      reason: failure?.auditReason ?? 'INTERNAL',
      origin: input.origin,
    });
    throw failure?.shown ?? error;
  }
  const now = deps.now();
  await recordSessionCompleted(deps, session);
  await auditReset(deps, {
    action: 'unlock.completed',
    outcome: 'success',
    subjectId: userId,
    purpose: 'unlock',
    sessionId: resetSessionReference(session.row),
    services: session.snapshot.verified,
    origin: input.origin,
  });
  notifyUser(deps, user, 'accountUnlocked', input.locale, now);
}
