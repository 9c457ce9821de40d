// A supervisor's approval for a privileged target (Entra's two-gate rule for admins, and a second person
// for the riskiest help-desk requests). The approver is a different person from the agent and from the
// target, and approves a caller who already passed the two-method verification.
import type { DeskCaseFacts } from './desk-case';
import { decideVerification, type DeskActionRefusal } from './decide-desk-action';
import type { DeskPolicy } from './desk-policy';

export type ApprovalRefusal =
  | DeskActionRefusal
  | 'approvalNotNeeded'
  | 'approvalNotRequested'
  | 'alreadyApproved'
  | 'approverIsAgent'
  | 'approverIsTarget';

export type ApprovalDecision = { isAllowed: true } | { isAllowed: false; refusal: ApprovalRefusal };

/** May the agent put this case in the supervisors' queue? */
export function decideApprovalRequest(deskCase: DeskCaseFacts, policy: DeskPolicy, now: Date): ApprovalDecision {
  if (!deskCase.isTargetPrivileged || !policy.privileged.requiresSupervisorApproval)
    return { isAllowed: false, refusal: 'approvalNotNeeded' };
  if (deskCase.approval) return { isAllowed: false, refusal: 'alreadyApproved' };
  // Verified for every action that any approval would unlock: unlock is the weakest; actions re-check.
  const verification = decideVerification(deskCase, 'unlock', policy, now);
  return verification.isAllowed ? { isAllowed: true } : { isAllowed: false, refusal: verification.refusal };
}

export function decideApproval(
  deskCase: DeskCaseFacts,
  supervisorId: string,
  policy: DeskPolicy,
  now: Date,
): ApprovalDecision {
  const id = supervisorId.toLowerCase();
  if (id === deskCase.agentId.toLowerCase()) return { isAllowed: false, refusal: 'approverIsAgent' };
  if (id === deskCase.targetId.toLowerCase()) return { isAllowed: false, refusal: 'approverIsTarget' };
  if (!deskCase.approvalRequestedAt) return { isAllowed: false, refusal: 'approvalNotRequested' };
  return decideApprovalRequest(deskCase, policy, now);
}
