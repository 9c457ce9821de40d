// Graph's What-If (POST /identity/conditionalAccess/evaluate): every policy with policyApplies and
// analysisReasons (Graph: whatifanalysisresult), plus an `explanation` naming the first unmet condition as the
// portal's What If does. Report-only policies apply (they are evaluated and logged, never enforced).
import { reasonsOf } from './analysis-reason';
import type { CompiledTenant } from './compile-tenant';
import {
  evaluateRequestConditions,
  firstUnmetCheck,
  statusExplanation,
  withUserConditions,
} from './policy-applicability';
import type { ConditionalAccessPolicy } from './policy-schema';
import { compileSignInContext, resolveSignInUser, type CompiledSignIn } from './sign-in-context';
import type { WhatIfRequest } from './what-if-request-schema';

export type WhatIfPolicyResult = ConditionalAccessPolicy & {
  policyApplies: boolean;
  /** Graph's comma-separated whatIfAnalysisReasons flags; "notSet" when the policy applies. */
  analysisReasons: string;
  /** Extension: one human sentence, naming the first unmet condition. */
  explanation: string;
};

export type PolicyApplicabilityResult = {
  policyIndex: number;
  policyApplies: boolean;
  reasonsMask: number;
};

export type EvaluatedRequest = {
  signIn: CompiledSignIn;
  userIndex: number;
  results: readonly PolicyApplicabilityResult[];
};

/** Compact applicability for every policy; the building block of What-If, sign-in flows and the matrix. */
export function evaluatePolicyApplicability(tenant: CompiledTenant, request: WhatIfRequest): EvaluatedRequest {
  const userIndex = resolveSignInUser(tenant, request);
  const signIn = compileSignInContext(tenant, request);
  const requestMasks = evaluateRequestConditions(tenant, signIn);
  const isServicePrincipal = userIndex < 0;
  const results = tenant.policies.map((policy) => {
    const reasonsMask = withUserConditions(policy, requestMasks[policy.index] ?? 0, userIndex, isServicePrincipal);
    return { policyIndex: policy.index, policyApplies: reasonsMask === 0, reasonsMask };
  });
  return { signIn, userIndex, results };
}

export function evaluateWhatIf(tenant: CompiledTenant, request: WhatIfRequest): { value: WhatIfPolicyResult[] } {
  const { signIn, userIndex, results } = evaluatePolicyApplicability(tenant, request);
  const value: WhatIfPolicyResult[] = [];
  for (const result of results) {
    if (request.appliedPoliciesOnly && !result.policyApplies) continue;
    const policy = tenant.policies[result.policyIndex];
    if (!policy) continue;
    const item = { ...policy.source } as WhatIfPolicyResult;
    item.policyApplies = result.policyApplies;
    item.analysisReasons = result.policyApplies ? 'notSet' : reasonsOf(result.reasonsMask).join(',');
    // Built lazily: most callers never read it, and What-If must stay in the tens of microseconds.
    Object.defineProperty(item, 'explanation', {
      enumerable: true,
      configurable: true,
      get(): string {
        if (result.policyApplies) {
          return policy.state === 'enabledForReportingButNotEnforced'
            ? 'Applies (report-only: evaluated and logged, not enforced).'
            : 'Applies: every configured condition matches this sign-in.';
        }
        const status = statusExplanation(policy);
        if (status) return status;
        const check = firstUnmetCheck({ tenant, policy, signIn, userIndex });
        return check ? check.explain({ tenant, policy, signIn, userIndex }) : 'Does not apply.';
      },
    });
    value.push(item);
  }
  return { value };
}
