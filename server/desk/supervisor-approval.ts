import 'server-only';
// Privileged targets need a supervisor's approval in the console before any action (Entra's two-gate
// rule for admins; a second person for the riskiest requests). The agent asks once the caller passed
// two distinct methods; another person with Desk.Supervisor approves from the queue.
import { z } from 'zod';
import { decideApproval, decideApprovalRequest } from '../../lib/desk/decide-approval';
import { verificationWindow } from '../../lib/desk/verification-window';
import { agentRoles, assertDeskRole, supervisorRoles, type DeskActor } from './desk-actor';
import { auditDesk } from './desk-audit';
import { assertFreshDeskMfa } from './desk-step-up';
import { freshnessDetails } from '../../lib/auth/mfa-freshness';
import { assertCaseAgent, deskCaseFacts, loadDeskCase } from './desk-case-store';
import type { DeskDependencies } from './desk-dependencies';
import { deskRefusalError } from './desk-refusal-error';
import { refreshDeskCase } from './refresh-desk-case';

export const approvalSchema = z.object({ caseId: z.uuid() });

export async function requestSupervisorApproval(
  deps: DeskDependencies,
  actor: DeskActor,
  input: unknown,
): Promise<void> {
  assertDeskRole(actor, agentRoles);
  const { caseId } = approvalSchema.parse(input);
  await refreshDeskCase(deps, actor, caseId);
  const loaded = await loadDeskCase(deps.db, caseId);
  assertCaseAgent(loaded, actor.oid);
  const decision = decideApprovalRequest(deskCaseFacts(loaded), deps.policy, deps.now());
  if (!decision.isAllowed) throw deskRefusalError(decision.refusal);
  await deps.db.deskCase.update({ where: { id: caseId }, data: { approvalRequestedAt: deps.now() } });
  await auditDesk(deps, actor, {
    action: 'desk.approval.requested',
    outcome: 'info',
    subjectId: loaded.row.targetId,
    details: { caseId },
  });
}

export async function approveDeskCase(deps: DeskDependencies, actor: DeskActor, input: unknown): Promise<void> {
  assertDeskRole(actor, supervisorRoles);
  const { caseId } = approvalSchema.parse(input);
  const loaded = await loadDeskCase(deps.db, caseId);
  const decision = decideApproval(deskCaseFacts(loaded), actor.oid, deps.policy, deps.now());
  if (!decision.isAllowed) {
    await auditDesk(deps, actor, {
      action: 'desk.approval.granted',
      outcome: 'denied',
      subjectId: loaded.row.targetId,
      details: { caseId, refusal: decision.refusal },
    });
    throw deskRefusalError(decision.refusal);
  }
  // Approving a privileged case is itself a privileged act: the supervisor's MFA must be fresh (ASVS5 6.8.4).
  const freshness = await assertFreshDeskMfa(deps, actor, {
    action: 'desk.approval.granted',
    subjectId: loaded.row.targetId,
    caseId,
  });
  // Conditional update: two supervisors clicking at once produce one approval.
  const moved = await deps.db.deskCase.updateMany({
    where: { id: caseId, approvedBy: null },
    data: { approvedBy: actor.oid, approvedByName: actor.name, approvedAt: deps.now() },
  });
  if (moved.count !== 1) throw deskRefusalError('alreadyApproved');
  await auditDesk(deps, actor, {
    action: 'desk.approval.granted',
    outcome: 'success',
    subjectId: loaded.row.targetId,
    details: { caseId, agentId: loaded.row.agentId, ...freshnessDetails(freshness) },
  });
}

export type ApprovalQueueItem = {
  caseId: string;
  agentName: string;
  targetDisplayName: string;
  targetUpn: string;
  requestedAt: string;
  methods: string[];
  closesAt: string | null;
};

export async function listApprovalQueue(deps: DeskDependencies, actor: DeskActor) {
  assertDeskRole(actor, supervisorRoles);
  const now = deps.now();
  const rows = await deps.db.deskCase.findMany({
    where: { approvalRequestedAt: { not: null }, approvedBy: null, endedAt: null },
    include: { verifications: true },
    orderBy: { approvalRequestedAt: 'asc' },
    take: 100,
  });
  const pending: ApprovalQueueItem[] = [];
  for (const row of rows) {
    const window = verificationWindow(deskCaseFacts({ row, block: null }), deps.policy, now);
    if (window.state !== 'open') continue;
    pending.push({
      caseId: row.id,
      agentName: row.agentName,
      targetDisplayName: row.targetDisplayName,
      targetUpn: row.targetUpn,
      requestedAt: row.approvalRequestedAt!.toISOString(),
      methods: [...new Set(row.verifications.filter((v) => v.status === 'verified').map((v) => v.method))],
      closesAt: window.closesAt.toISOString(),
    });
  }
  const alerts = await deps.db.deskCase.findMany({
    where: {
      endedReason: { in: ['pushDenied', 'pushReported'] },
      endedAt: { gte: new Date(now.getTime() - 24 * 3_600_000) },
    },
    orderBy: { endedAt: 'desc' },
    take: 50,
  });
  return {
    pending,
    alerts: alerts.map((a) => ({
      caseId: a.id,
      agentName: a.agentName,
      targetDisplayName: a.targetDisplayName,
      targetUpn: a.targetUpn,
      reason: a.endedReason!,
      at: a.endedAt!.toISOString(),
    })),
  };
}
