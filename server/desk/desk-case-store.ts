import 'server-only';
// Reads a desk case with its verifications and the target's block, and maps the rows to the pure facts
// that lib/desk decides on.
import { AppError } from '../../lib/app-error';
import { deskCaseEndReasons, deskVerificationStatuses, type DeskCaseFacts } from '../../lib/desk/desk-case';
import { deskVerificationMethods } from '../../lib/desk/desk-policy';
import { isOneOf } from '@/lib/is-one-of';
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

// The columns are text (SQLite has no enums); only this code writes them, so another value is a broken row.
function stored<const T extends string>(values: readonly T[], value: string, column: string): T {
  if (!isOneOf(values, value)) throw new AppError('INTERNAL', `A desk case has an unknown ${column}: "${value}".`);
  return value;
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
    endedReason: row.endedReason === null ? null : stored(deskCaseEndReasons, row.endedReason, 'end reason'),
    verifications: row.verifications.map((v) => ({
      method: stored(deskVerificationMethods, v.method, 'verification method'),
      status: stored(deskVerificationStatuses, v.status, 'verification status'),
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
