// The one gate every desk action passes: is the caller verified strongly enough, within the window, for
// this action on this user? Refusals are a closed union the console shows in the agent's language.
import { decideCaseStart, type CaseStartRefusal } from './decide-case-start';
import { verifiedMethods, type DeskCaseFacts } from './desk-case';
import {
  isCodeMethod,
  isStrongMethod,
  type DeskAction,
  type DeskPolicy,
  type DeskVerificationMethod,
} from './desk-policy';
import { verificationWindow } from './verification-window';

export type DeskActionRefusal =
  | CaseStartRefusal
  | 'caseEnded'
  | 'notVerified'
  | 'windowExpired'
  | 'notEnoughVerification'
  | 'needsStrongMethod'
  | 'needsSecondMethod'
  | 'needsSupervisorApproval';

export type DeskActionDecision =
  { isAllowed: true; countedMethods: DeskVerificationMethod[] } | { isAllowed: false; refusal: DeskActionRefusal };

/** Methods that count towards `action`: codes only where the policy lets them count. */
export function countedMethodsFor(
  deskCase: Pick<DeskCaseFacts, 'verifications'>,
  action: DeskAction,
  policy: DeskPolicy,
): DeskVerificationMethod[] {
  const codesCount = policy.codesAllowedFor.includes(action);
  return verifiedMethods(deskCase).filter((method) => codesCount || !isCodeMethod(method));
}

/**
 * Everything except the supervisor's approval: used both to allow an action and to decide whether the
 * agent may ask a supervisor to approve (the supervisor approves a fully verified caller, not a hope).
 */
export function decideVerification(
  deskCase: DeskCaseFacts,
  action: DeskAction,
  policy: DeskPolicy,
  now: Date,
): DeskActionDecision {
  const start = decideCaseStart({
    agentId: deskCase.agentId,
    targetId: deskCase.targetId,
    isTargetSupervisor: deskCase.isTargetSupervisor,
    targetBlockedUntil: deskCase.targetBlockedUntil,
    now,
  });
  if (!start.isAllowed) return { isAllowed: false, refusal: start.refusal };
  if (deskCase.endedAt) return { isAllowed: false, refusal: 'caseEnded' };
  const window = verificationWindow(deskCase, policy, now);
  if (window.state === 'notStarted') return { isAllowed: false, refusal: 'notVerified' };
  if (window.state === 'closed') return { isAllowed: false, refusal: 'windowExpired' };
  const counted = countedMethodsFor(deskCase, action, policy);
  // A read-back code is never sufficient alone (ASVS5 6.4.4): by default no action, and never for a privileged user.
  const needsStrong = deskCase.isTargetPrivileged || policy.strongMethodRequiredFor.includes(action);
  if (needsStrong && !counted.some((method) => isStrongMethod(policy, method))) {
    return {
      isAllowed: false,
      refusal: counted.length === 0 && verifiedMethods(deskCase).length === 0 ? 'notVerified' : 'needsStrongMethod',
    };
  }
  const weight = counted.reduce((sum, method) => sum + policy.methodWeights[method], 0);
  if (weight < policy.requiredWeight[action]) return { isAllowed: false, refusal: 'notEnoughVerification' };
  if (deskCase.isTargetPrivileged && counted.length < policy.privileged.distinctMethods)
    return { isAllowed: false, refusal: 'needsSecondMethod' };
  return { isAllowed: true, countedMethods: counted };
}

export function decideDeskAction(
  deskCase: DeskCaseFacts,
  action: DeskAction,
  policy: DeskPolicy,
  now: Date,
): DeskActionDecision {
  const verification = decideVerification(deskCase, action, policy, now);
  if (!verification.isAllowed) return verification;
  if (deskCase.isTargetPrivileged && policy.privileged.requiresSupervisorApproval && !deskCase.approval) {
    return { isAllowed: false, refusal: 'needsSupervisorApproval' };
  }
  return verification;
}
