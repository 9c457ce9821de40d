import 'server-only';
// Crash-safe password writes and unlocks (issue 12, findings 2 and 3). The session's claim and an intent
// record ("about to write kind K for user U, started at T") are written in one transaction, and the claim
// holds for a lease. When the directory's answer is lost (Graph timed out, answered 5xx) or the process died
// holding the claim, reconciliation asks the directory whether the write landed: Graph user
// `lastPasswordChangeDateTime` at or after the intent's start means the password changed, so the reset is
// completed (session completed, `reset.passwordChanged`, the notification) exactly once; still unchanged
// after the lease means it did not, so the claim is released and the user may try again. For a synced user
// the same questions go to AD (pwdLastSet; lockoutTime for an unlock). An Entra unlock, whose lockout Graph
// does not expose, is repeated after the lease (idempotent). The user is never told "failed" for a write
// that landed.
import { randomUUID } from 'node:crypto';
import type { Locale } from '../../lib/i18n/pick-locale';
import type { DirectoryWriteIntent } from '../../generated/prisma/sqlite/client';
import { lastPasswordChangeAtSource, lockoutAtSource, unlockInEntra } from '../hybrid/reconcile-at-source';
import { withCompletion } from '../../lib/reset/reset-session-state';
import { runCommittedJob, writeOutboxJobs } from '../jobs/outbox';
import { notifyChangeHandler, notifyChangeJob, notifyUserJob } from './notify-user';
import { auditReset, auditResetHandler, auditResetJob, auditResetOutboxJob } from './reset-audit';
import { resetSessionReference } from './reset-secrets';
import type { RequestOrigin, ResetDependencies } from './reset-dependencies';
import type { PasswordSync } from './reset-notifications';
import { describeSession } from './reset-session-store';

export type WriteKind = 'password' | 'unlock';
export type WriteSettlement = 'applied' | 'notApplied' | 'pending';

/** The default lease (RESET_WRITE_LEASE_SECONDS): longer than Graph's default 10 s timeout (GRAPH_TIMEOUT_MS) with room to spare. */
export const writeLeaseSeconds = 60;
/** Clock difference tolerated between the portal and the directory when comparing the change time. */
const clockSkewMs = 60_000;

/** Claims the session for one write and records the intent, atomically; null when another request holds it. */
export async function claimWithIntent(
  deps: Pick<ResetDependencies, 'db' | 'now' | 'settings'>,
  input: { sessionId: string; kind: WriteKind; userId: string; locale: Locale; origin: RequestOrigin },
): Promise<DirectoryWriteIntent | null> {
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const claim = await tx.resetSession.updateMany({
      where: { id: input.sessionId, passwordClaimedAt: null, completedAt: null, endedReason: null },
      data: { passwordClaimedAt: now },
    });
    if (claim.count === 0) return null;
    return tx.directoryWriteIntent.create({
      data: {
        id: randomUUID(),
        resetSessionId: input.sessionId,
        kind: input.kind,
        userId: input.userId,
        startedAt: now,
        leaseExpiresAt: new Date(now.getTime() + deps.settings.writeLeaseSeconds * 1000),
        locale: input.locale,
        ip: input.origin.ip,
        userAgent: input.origin.userAgent?.slice(0, 400) ?? null,
      },
    });
  });
}

const originOf = (intent: DirectoryWriteIntent): RequestOrigin => ({ ip: intent.ip, userAgent: intent.userAgent });

/**
 * The write landed: settle once (a conditional update), complete the session, and write the audit entry and
 * the notification as outbox jobs, all in one transaction, so a process that dies after it still records and
 * notifies the change, once (the jobs are keyed by the intent). The audit entry runs before the answer.
 */
export async function completeWrite(
  deps: ResetDependencies,
  intent: DirectoryWriteIntent,
  /** What the e-mail says about Microsoft 365 taking an AD password (null for Entra, and when reconciled). */
  passwordSync: PasswordSync | null = null,
): Promise<void> {
  const now = deps.now();
  const row = await deps.db.resetSession.findUniqueOrThrow({ where: { id: intent.resetSessionId } });
  const session = describeSession(deps, row);
  // A session completed already (by another path) still gets its intent settled and the change recorded.
  const isCompleted = Boolean(session.snapshot.completedAt) || session.snapshot.endedReason === 'completed';
  const completion = isCompleted ? null : withCompletion(session.snapshot, now);
  const isPassword = intent.kind === 'password';
  const audit = auditResetOutboxJob(
    {
      action: isPassword ? 'reset.passwordChanged' : 'unlock.completed',
      outcome: 'success',
      subjectId: intent.userId,
      purpose: isPassword ? 'reset' : 'unlock',
      sessionId: resetSessionReference(row),
      services: session.snapshot.verified,
      origin: originOf(intent),
    },
    intent.id,
    now,
  );
  const notification = notifyUserJob(
    {
      eventKey: intent.id,
      userId: intent.userId,
      kind: isPassword ? 'passwordChanged' : 'accountUnlocked',
      locale: intent.locale,
      when: now.toISOString(),
      passwordSync,
    },
    now,
  );
  const isSettledHere = await deps.db.$transaction(async (tx) => {
    const settled = await tx.directoryWriteIntent.updateMany({
      where: { id: intent.id, settledAt: null },
      data: { settledAt: now, outcome: 'applied' },
    });
    if (settled.count === 0) return false;
    if (completion)
      await tx.resetSession.updateMany({
        where: { id: row.id, completedAt: null },
        data: { completedAt: completion.completedAt, endedReason: completion.endedReason },
      });
    await writeOutboxJobs(deps, [audit, notification], tx);
    return true;
  });
  if (!isSettledHere) return;
  const handlers = { [auditResetJob]: auditResetHandler(deps), [notifyChangeJob]: notifyChangeHandler(deps) };
  await runCommittedJob(deps, audit, handlers);
  deps.inBackground(() => runCommittedJob(deps, notification, handlers));
}

/** The write did not land (refused, or unchanged after the lease): settle once, free the claim, audit. */
export async function releaseWrite(
  deps: ResetDependencies,
  intent: DirectoryWriteIntent,
  audit: { outcome: 'failure' | 'denied'; reason: string },
): Promise<void> {
  const settled = await deps.db.directoryWriteIntent.updateMany({
    where: { id: intent.id, settledAt: null },
    data: { settledAt: deps.now(), outcome: 'notApplied' },
  });
  if (settled.count === 0) return;
  await deps.db.resetSession.updateMany({
    where: { id: intent.resetSessionId, completedAt: null },
    data: { passwordClaimedAt: null },
  });
  const row = await deps.db.resetSession.findUnique({ where: { id: intent.resetSessionId } });
  await auditReset(deps, {
    action: intent.kind === 'password' ? 'reset.passwordRejected' : 'unlock.rejected',
    outcome: audit.outcome,
    subjectId: intent.userId,
    purpose: intent.kind === 'password' ? 'reset' : 'unlock',
    sessionId: row ? resetSessionReference(row) : intent.resetSessionId,
    ...(row ? { services: describeSession(deps, row).snapshot.verified } : {}),
    reason: audit.reason,
    origin: originOf(intent),
  });
}

/** Finds out whether an unsettled write landed, and settles it when the answer is known. */
export async function reconcileIntent(deps: ResetDependencies, intent: DirectoryWriteIntent): Promise<WriteSettlement> {
  if (intent.settledAt) return intent.outcome === 'applied' ? 'applied' : 'notApplied';
  const isLeaseOver = deps.now().getTime() >= intent.leaseExpiresAt.getTime();
  try {
    if (intent.kind === 'password') {
      // At the source of authority: AD's pwdLastSet for a synced user, Graph for a cloud-only one.
      const { changedAt, passwordSync } = await lastPasswordChangeAtSource(deps, intent.userId);
      if (changedAt && changedAt.getTime() >= intent.startedAt.getTime() - clockSkewMs) {
        await completeWrite(deps, intent, passwordSync);
        return 'applied';
      }
      if (!isLeaseOver) return 'pending';
      await releaseWrite(deps, intent, { outcome: 'failure', reason: 'notAppliedWithinLease' });
      return 'notApplied';
    }
    // An unlock: AD's lockoutTime says whether it landed; still locked after the lease, it did not.
    const lockout = await lockoutAtSource(deps, intent.userId);
    if (lockout === 'unlocked') {
      await completeWrite(deps, intent);
      return 'applied';
    }
    if (!isLeaseOver) return 'pending';
    if (lockout === 'locked') {
      await releaseWrite(deps, intent, { outcome: 'failure', reason: 'notAppliedWithinLease' });
      return 'notApplied';
    }
    // Entra's lockout cannot be read: unlocking again is harmless, and only after the lease, so a write
    // still in flight is not doubled.
    await unlockInEntra(deps, intent.userId);
    await completeWrite(deps, intent);
    return 'applied';
  } catch {
    // The directory cannot say yet: the claim stays until it can (releasing it could leave a change unaudited).
    return 'pending';
  }
}

/** The session's unsettled write, reconciled; null when there is none. */
export async function reconcileSessionWrite(
  deps: ResetDependencies,
  sessionId: string,
): Promise<WriteSettlement | null> {
  const intent = await deps.db.directoryWriteIntent.findFirst({
    where: { resetSessionId: sessionId },
    orderBy: { startedAt: 'desc' },
  });
  return intent ? reconcileIntent(deps, intent) : null;
}

/** Writes whose lease ran out (a process died holding them), reconciled in a batch; run on a timer. */
export async function reconcileExpiredWrites(deps: ResetDependencies, limit = 20): Promise<number> {
  const expired = await deps.db.directoryWriteIntent.findMany({
    where: { settledAt: null, leaseExpiresAt: { lte: deps.now() } },
    orderBy: { leaseExpiresAt: 'asc' },
    take: limit,
  });
  let settled = 0;
  for (const intent of expired) if ((await reconcileIntent(deps, intent)) !== 'pending') settled += 1;
  return settled;
}
