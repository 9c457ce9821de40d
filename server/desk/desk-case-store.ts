import 'server-only';
// Reads a desk case with its verifications and the target's block, and maps the rows to the pure facts
// that lib/desk decides on.
import { AppError } from '../../lib/app-error';
import type { DeskCaseEndReason, DeskCaseFacts, DeskVerificationStatus } from '../../lib/desk/desk-case';
import type { DeskVerificationMethod } from '../../lib/desk/desk-policy';
import type { DatabaseClient } from '../database/create-database-client';

export async function loadDeskCase(db: DatabaseClient, caseId: string) {
  const row = await db.deskCase.findUnique({
    where: { id: caseId },
    include: { verifications: { orderBy: { createdAt: 'asc' } } },
  });
  if (!row) throw new AppError('NOT_FOUND', 'This desk case does not exist.');
  const block = await db.deskTargetBlock.findUnique({ where: { targetId: row.targetId } });
  return { row, block };
}

export type LoadedDeskCase = Awaited<ReturnType<typeof loadDeskCase>>;

export function deskCaseFacts({ row, block }: LoadedDeskCase): DeskCaseFacts {
  return {
    agentId: row.agentId,
    targetId: row.targetId,
    isTargetPrivileged: row.isTargetPrivileged,
    isTargetSupervisor: row.isTargetSupervisor,
    createdAt: row.createdAt,
    endedAt: row.endedAt,
    endedReason: row.endedReason as DeskCaseEndReason | null,
    verifications: row.verifications.map((v) => ({
      method: v.method as DeskVerificationMethod,
      status: v.status as DeskVerificationStatus,
      completedAt: v.completedAt,
    })),
    approvalRequestedAt: row.approvalRequestedAt,
    approval: row.approvedBy && row.approvedAt ? { supervisorId: row.approvedBy, approvedAt: row.approvedAt } : null,
    targetBlockedUntil: block?.blockedUntil ?? null,
  };
}

/** The case's own agent is the only one who verifies and acts in it (a supervisor approves separately). */
export function assertCaseAgent(loaded: LoadedDeskCase, actorId: string): void {
  if (loaded.row.agentId !== actorId)
    throw new AppError('FORBIDDEN', 'Only the agent who opened this case can work on it.', { reason: 'notCaseAgent' });
}
