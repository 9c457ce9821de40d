import 'server-only';
// Turns a refusal from lib/desk into the project's AppError with the refusal as its reason, so the
// console can show the reason in the agent's language.
import { AppError, type AppErrorCode } from '../../lib/app-error';
import type { ApprovalRefusal } from '../../lib/desk/decide-approval';

const codeByRefusal: Partial<Record<ApprovalRefusal, AppErrorCode>> = {
  ownAccount: 'FORBIDDEN',
  supervisorAccount: 'FORBIDDEN',
  targetBlocked: 'FORBIDDEN',
  approverIsAgent: 'FORBIDDEN',
  approverIsTarget: 'FORBIDDEN',
  windowExpired: 'EXPIRED',
  caseEnded: 'CONFLICT',
  alreadyApproved: 'CONFLICT',
};

// Keyed by the closed refusal union: a new refusal does not compile until it has a message.
const messages: Record<ApprovalRefusal, string> = {
  ownAccount: 'Agents cannot act on their own account.',
  supervisorAccount: "Agents cannot act on a supervisor's account.",
  targetBlocked: 'Desk actions on this user are blocked after a denied or reported verification.',
  caseEnded: 'This case has ended. Start a new case.',
  notVerified: 'Verify the caller first.',
  windowExpired: 'The verification window has closed. Start a new case and verify again.',
  notEnoughVerification: 'The caller is not verified strongly enough for this action.',
  needsStrongMethod: 'A code is not enough here: verify with an Authenticator push.',
  needsSecondMethod: 'This user is privileged: verify with a second, different method.',
  needsSupervisorApproval: 'This user is privileged: a supervisor must approve first.',
  approvalNotNeeded: 'This case does not need a supervisor approval.',
  approvalNotRequested: 'The agent has not asked for approval.',
  alreadyApproved: 'This case is already approved.',
  approverIsAgent: 'A supervisor cannot approve their own case.',
  approverIsTarget: 'A supervisor cannot approve a case about their own account.',
};

export function deskRefusalError(refusal: ApprovalRefusal): AppError {
  return new AppError(codeByRefusal[refusal] ?? 'FORBIDDEN', messages[refusal], { reason: refusal });
}
