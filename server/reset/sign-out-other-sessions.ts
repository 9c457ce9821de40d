import 'server-only';
// "Sign out other sessions", offered on the confirmation page after a reset (FPCS; ASVS5 7.4.3): revokes
// the user's refresh tokens and session cookies in Entra (Graph POST /users/{id}/revokeSignInSessions).
// Allowed once, only from the browser that completed the reset, within the session's lifetime.
import { AppError } from '../../lib/app-error';
import type { Locale } from '../../lib/i18n/pick-locale';
import { runCommittedJob, writeOutboxJobs } from '../jobs/outbox';
import { auditResetHandler, auditResetJob, auditResetOutboxJob } from './reset-audit';
import { notifyChangeHandler, notifyChangeJob, notifyUserJob } from './notify-user';
import type { RequestOrigin, ResetDependencies } from './reset-dependencies';
import { loadResetSession } from './reset-session-store';
import { resetSessionReference } from './reset-secrets';

export async function signOutOtherSessions(
  deps: ResetDependencies,
  input: { token: string | undefined; locale: Locale; origin: RequestOrigin },
): Promise<void> {
  const session = await loadResetSession(deps, input.token);
  const now = deps.now();
  const withinLifetime =
    session.row.completedAt &&
    now.getTime() - session.row.completedAt.getTime() < deps.settings.sessionLimits.lifetimeSeconds * 1000;
  if (session.status !== 'completed' || session.purpose !== 'reset' || !session.row.userId || !withinLifetime) {
    throw new AppError('FORBIDDEN', 'This option is available right after a password reset.');
  }
  const claim = await deps.db.resetSession.updateMany({
    where: { id: session.row.id, otherSessionsRevokedAt: null },
    data: { otherSessionsRevokedAt: now },
  });
  if (claim.count === 0) return;
  try {
    await deps.directory.revokeSignInSessions(session.row.userId);
  } catch {
    await deps.db.resetSession.updateMany({
      where: { id: session.row.id, otherSessionsRevokedAt: now },
      data: { otherSessionsRevokedAt: null },
    });
    throw new AppError(
      'UPSTREAM_ERROR',
      'Microsoft Entra ID did not accept the sign-out right now. Try again in a moment.',
    );
  }
  // The entry and the notice are outbox jobs committed together (server/jobs/outbox.ts), keyed by the session:
  // a process that dies now still records and notifies the revocation, once.
  const eventKey = `revoke:${session.row.id}`;
  const audit = auditResetOutboxJob(
    {
      action: 'reset.otherSessionsRevoked',
      outcome: 'success',
      subjectId: session.row.userId,
      purpose: 'reset',
      sessionId: resetSessionReference(session.row),
      origin: input.origin,
    },
    eventKey,
    now,
  );
  const notification = notifyUserJob(
    {
      eventKey,
      userId: session.row.userId,
      kind: 'otherSessionsRevoked',
      locale: input.locale,
      when: now.toISOString(),
      passwordSync: null,
    },
    now,
  );
  await writeOutboxJobs(deps, [audit, notification]);
  const handlers = { [auditResetJob]: auditResetHandler(deps), [notifyChangeJob]: notifyChangeHandler(deps) };
  await runCommittedJob(deps, audit, handlers);
  deps.inBackground(() => runCommittedJob(deps, notification, handlers));
}
