import 'server-only';
// Brings a case up to date with the outside world: asks the push channel about pending pushes and
// expires stale codes. A denied or reported push ends the case, blocks the target and alerts the
// supervisors (issue 5, §7). Idempotent under concurrent refreshes: a verification leaves `pending`
// once (conditional update), and only that writer audits and alerts.
import { pushOutcome } from '../../lib/desk/push-outcome';
import type { DeskActor } from './desk-actor';
import { runCommittedJob, writeOutboxJobs } from '../jobs/outbox';
import { auditDesk } from './desk-audit';
import { deskNoticeOutboxJob, deskOutboxHandlers } from './desk-notice-job';
import { assertCaseAgent, loadDeskCase } from './desk-case-store';
import type { DeskDependencies } from './desk-dependencies';

export async function refreshDeskCase(deps: DeskDependencies, actor: DeskActor, caseId: string): Promise<void> {
  const loaded = await loadDeskCase(deps.db, caseId);
  // Only the case's own agent refreshes it: another agent's read is refused before anything changes or is
  // audited under their name.
  assertCaseAgent(loaded, actor.oid);
  const { row } = loaded;
  for (const verification of row.verifications.filter((v) => v.status === 'pending')) {
    const now = deps.now();
    if (verification.method !== 'authenticatorPush' || !verification.channelRef) {
      if (verification.expiresAt <= now) {
        const moved = await deps.db.deskVerification.updateMany({
          where: { id: verification.id, status: 'pending' },
          data: { status: 'failed', detail: 'expired', completedAt: now },
        });
        if (moved.count === 1)
          await auditDesk(deps, actor, {
            action: 'desk.verification.result',
            outcome: 'failure',
            subjectId: row.targetId,
            details: { caseId, verificationId: verification.id, method: verification.method, result: 'expired' },
          });
      }
      continue;
    }
    const status = await deps.pushChannel.pushStatus({ userId: row.targetId, pushId: verification.channelRef });
    const outcome = pushOutcome(status, deps.policy, now);
    if (outcome.kind === 'stillPending') continue;
    const moved = await deps.db.deskVerification.updateMany({
      where: { id: verification.id, status: 'pending' },
      data: { status: outcome.kind === 'verified' ? 'verified' : 'failed', detail: status, completedAt: now },
    });
    if (moved.count !== 1) continue;
    const seconds = Math.round((now.getTime() - verification.createdAt.getTime()) / 100) / 10;
    await auditDesk(deps, actor, {
      action: 'desk.verification.result',
      outcome: outcome.kind === 'verified' ? 'success' : 'failure',
      subjectId: row.targetId,
      details: { caseId, verificationId: verification.id, method: 'authenticatorPush', result: status, seconds },
    });
    if (outcome.kind === 'rejectedByUser') {
      // The alert is an outbox job (desk-notice-job.ts) in the transaction that ends the case: it survives a
      // process that dies now, and goes out once.
      const alert = deskNoticeOutboxJob(
        {
          emails: [
            {
              to: deps.settings.supervisorAlertEmail,
              subject: `Service desk alert: ${row.targetDisplayName} ${status === 'reported' ? 'reported' : 'denied'} a verification push`,
              text: [
                `${row.targetDisplayName} (${row.targetUpn}) ${status === 'reported' ? 'reported as suspicious' : 'denied'} the verification push sent by ${row.agentName} at ${now.toISOString()}.`,
                `The case was ended and desk actions on this user are blocked until ${outcome.blockedUntil.toISOString()}.`,
                'Someone may be impersonating this user on the phone. Review the case in the audit log.',
              ].join('\n'),
            },
          ],
          audit: {
            action: 'desk.supervisors.alerted',
            subjectId: row.targetId,
            details: { caseId, reason: outcome.endReason },
          },
          actor: { oid: actor.oid, name: actor.name, ip: actor.ip, userAgent: actor.userAgent },
        },
        `alert:${verification.id}`,
        now,
      );
      await deps.db.$transaction(async (tx) => {
        await tx.deskCase.updateMany({
          where: { id: caseId, endedAt: null },
          data: { endedAt: now, endedReason: outcome.endReason },
        });
        await tx.deskTargetBlock.upsert({
          where: { targetId: row.targetId },
          create: {
            targetId: row.targetId,
            blockedUntil: outcome.blockedUntil,
            reason: outcome.endReason,
            caseId,
            createdAt: now,
          },
          update: { blockedUntil: outcome.blockedUntil, reason: outcome.endReason, caseId, createdAt: now },
        });
        await writeOutboxJobs(deps, [alert], tx);
      });
      await auditDesk(deps, actor, {
        action: 'desk.case.ended',
        outcome: 'denied',
        subjectId: row.targetId,
        details: { caseId, reason: outcome.endReason, blockedUntil: outcome.blockedUntil.toISOString() },
      });
      await runCommittedJob(deps, alert, deskOutboxHandlers(deps));
    }
  }
}
