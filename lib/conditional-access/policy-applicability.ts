// Does a policy apply to a sign-in? Within a policy every configured condition must match, an unconfigured one
// matches everything (concept-conditional-access-policies). Split in two so blast radius evaluates the
// user-independent conditions once per request and only the user targeting per user.
import { sentence, type EngineText } from './engine-text';
import { reasonBit, type AnalysisReason } from './analysis-reason';
import { requestChecks, userCheck } from './condition-checks';
import { applicationCheck } from './conditions/application-conditions';
import { policyStatusMask, requestTablesOf } from './request-tables';
import type { CheckInput, CompiledPolicy, CompiledSignIn, CompiledTenant, ConditionCheck } from './compiled-model';

const policyNotEnabled = reasonBit('policyNotEnabled');
const invalidPolicy = reasonBit('invalidPolicy');
const emptyPolicy = reasonBit('emptyPolicy');
const usersBit = reasonBit('users');

export { policyStatusMask };

/** Per policy: status reasons, or the bits of unmet user-independent conditions (0 = all met). */
export function evaluateRequestConditions(tenant: CompiledTenant, signIn: CompiledSignIn): Int32Array {
  const policies = tenant.policies;
  const masks = new Int32Array(policies.length);
  const first = policies[0];
  if (!first) return masks;
  const input: CheckInput = { tenant, policy: first, signIn, userIndex: -1 };
  // A sign-in to one application the tenant lists (nearly every What-If): its application condition is a byte of
  // one contiguous row of applicationTargets.
  const appIndex =
    signIn.contextKind === 'application' && signIn.applicationIndices.length === 1
      ? (signIn.applicationIndices[0] ?? -1)
      : -1;
  const targets = tenant.applicationTargets;
  const row = appIndex * policies.length;
  const tables = requestTablesOf(policies);
  const { offsets, checks } = tables.checks[signIn.contextKind];
  for (let p = 0; p < policies.length; p++) {
    const status = tables.status[p] ?? 0;
    if (status !== 0) {
      masks[p] = status;
      continue;
    }
    let mask = 0;
    const end = offsets[p + 1] ?? 0;
    for (let k = offsets[p] ?? 0; k < end; k++) {
      const check = checks[k];
      if (!check) continue;
      if (check === applicationCheck && appIndex >= 0) {
        if (targets[row + p] !== 1) mask |= check.bit;
        continue;
      }
      const policy = policies[p];
      if (!policy) continue;
      input.policy = policy;
      if (!check.isMet(input)) mask |= check.bit;
    }
    masks[p] = mask;
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
