// Does a policy apply to a sign-in? Within a policy every configured condition must match, an unconfigured one
// matches everything (concept-conditional-access-policies). Split in two so blast radius evaluates the
// user-independent conditions once per request and only the user targeting per user.
import { sentence, type EngineText } from './engine-text';
import { reasonBit, type AnalysisReason } from './analysis-reason';
import { requestChecks, userCheck } from './condition-checks';
import type { CheckInput, CompiledPolicy, CompiledSignIn, CompiledTenant, ConditionCheck } from './compiled-model';

const policyNotEnabled = reasonBit('policyNotEnabled');
const invalidPolicy = reasonBit('invalidPolicy');
const emptyPolicy = reasonBit('emptyPolicy');
const usersBit = reasonBit('users');

/** Status reasons that stop evaluation before any condition: disabled, invalid or empty policies. */
export function policyStatusMask(policy: CompiledPolicy): number {
  if (policy.state === 'disabled') return policyNotEnabled;
  if (policy.invalidReason) return invalidPolicy;
  if (policy.isEmpty) return emptyPolicy;
  return 0;
}

/** Per policy: status reasons, or the bits of unmet user-independent conditions (0 = all met). */
export function evaluateRequestConditions(tenant: CompiledTenant, signIn: CompiledSignIn): Int32Array {
  const masks = new Int32Array(tenant.policies.length);
  const input: CheckInput = { tenant, policy: tenant.policies[0] as CompiledPolicy, signIn, userIndex: -1 };
  for (const policy of tenant.policies) {
    const status = policyStatusMask(policy);
    if (status !== 0) {
      masks[policy.index] = status;
      continue;
    }
    input.policy = policy;
    let mask = 0;
    const checks = policy.requestChecks[signIn.contextKind];
    for (let i = 0; i < checks.length; i++) {
      const check = checks[i] as ConditionCheck;
      if (!check.isMet(input)) mask |= check.bit;
    }
    masks[policy.index] = mask;
  }
  return masks;
}

/** Adds the user targeting to a request mask. */
export function withUserConditions(
  tenant: CompiledTenant,
  policy: CompiledPolicy,
  requestMask: number,
  userIndex: number,
  isServicePrincipal: boolean,
): number {
  if ((requestMask & (policyNotEnabled | invalidPolicy | emptyPolicy)) !== 0) return requestMask;
  if (isServicePrincipal) return policy.servicePrincipals ? requestMask : requestMask | usersBit;
  return tenant.userScopes[userIndex * tenant.policies.length + policy.index] === 1
    ? requestMask
    : requestMask | usersBit;
}

/** The first failing check, for the one-line explanation the portal's What If shows. */
export function firstUnmetCheck(input: CheckInput): ConditionCheck | null {
  if (input.userIndex >= 0 && !userCheck.isMet(input)) return userCheck;
  for (const check of requestChecks) if (!check.isMet(input)) return check;
  return null;
}

export function statusExplanation(policy: CompiledPolicy): string | null {
  return statusExplanationText(policy)?.message ?? null;
}

/** The status sentence in English and as a code with parameters (engine-text.ts). */
export function statusExplanationText(policy: CompiledPolicy): { message: string; text: EngineText } | null {
  if (policy.state === 'disabled') return sentence('explanation.disabled');
  if (policy.invalidReasonText) return sentence('explanation.invalid', { reason: policy.invalidReasonText });
  if (policy.invalidReason) return sentence('explanation.invalid', { reason: policy.invalidReason });
  if (policy.isEmpty) return sentence('explanation.empty');
  return null;
}

export type { AnalysisReason };
