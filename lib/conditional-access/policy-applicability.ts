// Does a policy apply to a sign-in? Within a policy every configured condition must match, an unconfigured one
// matches everything (concept-conditional-access-policies). Split in two so blast radius evaluates the
// user-independent conditions once per request and only the user targeting per user.
import { sentence, type EngineText } from './engine-text';
import { reasonBit, type AnalysisReason } from './analysis-reason';
import { requestChecks, userCheck } from './condition-checks';
import { applicationCheck } from './conditions/application-conditions';
import { requestConditionPlanOf, rowFor } from './request-condition-rows';
import { policyStatusMask, requestTablesOf } from './request-tables';
import { userIncluded } from './user-scope-matrix';
import type { CheckInput, CompiledPolicy, CompiledSignIn, CompiledTenant, ConditionCheck } from './compiled-model';

const usersBit = reasonBit('users');

export { policyStatusMask };

/**
 * Per policy: status reasons, or the bits of unmet user-independent conditions (0 = all met). `into` (the policy
 * count long) is filled instead of a new array when given.
 */
export function evaluateRequestConditions(
  tenant: CompiledTenant,
  signIn: CompiledSignIn,
  into?: Int32Array,
): Int32Array {
  const policies = tenant.policies;
  const masks = into ?? new Int32Array(policies.length);
  const tables = requestTablesOf(policies);
  masks.set(tables.status);
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
  const plan = requestConditionPlanOf(policies, signIn.contextKind);
  for (const keyed of plan.keyed) {
    const { check, policyIndices } = keyed;
    if (check === applicationCheck && appIndex >= 0) {
      for (let i = 0; i < policyIndices.length; i++) {
        const p = policyIndices[i] ?? 0;
        if (targets[row + p] !== 1) masks[p] = (masks[p] ?? 0) | check.bit;
      }
      continue;
    }
    const bits = rowFor(keyed, check.signInKey?.(signIn) ?? '', input, policies);
    for (let i = 0; i < policyIndices.length; i++) {
      const p = policyIndices[i] ?? 0;
      masks[p] = (masks[p] ?? 0) | (bits[i] ?? 0);
    }
  }
  const { directPolicies, directChecks } = plan;
  for (let i = 0; i < directPolicies.length; i++) {
    const p = directPolicies[i] ?? 0;
    const policy = policies[p];
    const check = directChecks[i];
    if (!policy || !check) continue;
    input.policy = policy;
    if (!check.isMet(input)) masks[p] = (masks[p] ?? 0) | check.bit;
  }
  return masks;
}

/**
 * Adds the user targeting to every policy's request mask (in place): the users bit when the user is not included,
 * or, for a service principal sign-in (userIndex -1), when the policy has no workload-identity condition.
 */
export function addUserConditions(tenant: CompiledTenant, masks: Int32Array, userIndex: number): void {
  const policies = tenant.policies;
  const { status, hasServicePrincipals } = requestTablesOf(policies);
  const stride = policies.length;
  if (userIndex < 0) {
    for (let p = 0; p < stride; p++)
      if (status[p] === 0 && hasServicePrincipals[p] === 0) masks[p] = (masks[p] ?? 0) | usersBit;
    return;
  }
  const { cells, rowBytes } = tenant.userScopes;
  const row = userIndex * rowBytes;
  for (let p = 0; p < stride; p++) {
    const cell = ((cells[row + (p >> 2)] ?? 0) >> ((p & 3) << 1)) & 3;
    if (status[p] === 0 && cell !== userIncluded) masks[p] = (masks[p] ?? 0) | usersBit;
  }
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
