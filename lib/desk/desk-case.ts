// The facts of one desk case (one call about one user) that the decisions below need. The server loads
// them from the database; nothing here reads a clock or does I/O.
import type { DeskVerificationMethod } from './desk-policy';

export const deskVerificationStatuses = ['pending', 'verified', 'failed'] as const;
export type DeskVerificationStatus = (typeof deskVerificationStatuses)[number];

export type DeskVerificationFact = {
  method: DeskVerificationMethod;
  status: DeskVerificationStatus;
  completedAt: Date | null;
};

export const deskCaseEndReasons = ['pushDenied', 'pushReported', 'closedByAgent', 'windowExpired'] as const;
export type DeskCaseEndReason = (typeof deskCaseEndReasons)[number];

export type DeskCaseFacts = {
  agentId: string;
  targetId: string;
  isTargetPrivileged: boolean;
  isTargetSupervisor: boolean;
  createdAt: Date;
  endedAt: Date | null;
  endedReason: DeskCaseEndReason | null;
  verifications: readonly DeskVerificationFact[];
  approvalRequestedAt: Date | null;
  approval: { supervisorId: string; approvedAt: Date } | null;
  /** Until when desk actions on the target are blocked (a denied or reported push), if at all. */
  targetBlockedUntil: Date | null;
};

/** Methods verified in this case, each counted once, in the order they were verified. */
export function verifiedMethods(deskCase: Pick<DeskCaseFacts, 'verifications'>): DeskVerificationMethod[] {
  const verified = deskCase.verifications
    .filter((v): v is DeskVerificationFact & { completedAt: Date } => v.status === 'verified' && v.completedAt !== null)
    .sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());
  return [...new Set(verified.map((v) => v.method))];
}

export function firstVerifiedAt(deskCase: Pick<DeskCaseFacts, 'verifications'>): Date | null {
  const times = deskCase.verifications
    .filter((v) => v.status === 'verified' && v.completedAt)
    .map((v) => v.completedAt!.getTime());
  return times.length === 0 ? null : new Date(Math.min(...times));
}
