// The access controls a sign-in faces: what the applicable enforced policies demand together, and, given the
// methods used, which are satisfied. All applicable policies must be satisfied; block wins
// (concept-conditional-access-policies). Report-only policies are listed apart, never enforced.
import type { EngineText } from './engine-text';
import type { AuthenticationMethodMode } from './authentication-method-mode';
import { requirementOrder } from './compile-grant';
import { describeRequirement, describeRequirementText, evaluatePolicyGrant } from './grant-controls';
import { maskOf } from './method-mask';
import { summarizeSessionControls, type SessionControlsSummary } from './session-controls';
import { applicablePolicies, evaluatePolicyApplicability } from './what-if';
import type { WhatIfRequest } from './what-if-request-schema';

export type GrantControlsPolicySummary = {
  id: string;
  displayName: string;
  isReportOnly: boolean;
  isBlock: boolean;
  operator: 'AND' | 'OR';
  requirements: string[];
  isSatisfied: boolean;
  unmet: string[];
};

export type GrantControlsSummary = {
  isBlocked: boolean;
  blockingPolicyIds: string[];
  /** Every distinct requirement of the enforced policies, in the order Entra asks for them. */
  requirements: string[];
  /** The same requirements as codes with parameters (engine-text.ts), for translated pages. */
  requirementTexts: EngineText[];
  isSatisfied: boolean;
  policies: GrantControlsPolicySummary[];
  sessionControls: SessionControlsSummary;
};

export function evaluateGrantControls(
  tenant: Parameters<typeof evaluatePolicyApplicability>[0],
  request: WhatIfRequest,
  options: { methods?: readonly AuthenticationMethodMode[] } = {},
): GrantControlsSummary {
  const evaluated = evaluatePolicyApplicability(tenant, request);
  const applicable = applicablePolicies(evaluated);
  const session = {
    methodsMask: maskOf(options.methods ?? []),
    deviceInfo: evaluated.signIn.deviceInfo,
    isLegacyClient: evaluated.signIn.isLegacyClient,
  };
  const policies = applicable.map((policy): GrantControlsPolicySummary => {
    const result = evaluatePolicyGrant(policy, session);
    return {
      id: policy.id,
      displayName: policy.displayName,
      isReportOnly: policy.state === 'enabledForReportingButNotEnforced',
      isBlock: policy.grant.isBlock,
      operator: policy.grant.operator,
      requirements: policy.grant.isBlock ? ['block'] : policy.grant.requirements.map(describeRequirement),
      isSatisfied: result.isSatisfied,
      unmet: result.unmet.map(describeRequirement),
    };
  });
  const enforced = applicable.filter((p) => p.state === 'enabled');
  const distinct = new Map(
    enforced
      .flatMap((p) => p.grant.requirements)
      .sort((a, b) => requirementOrder.indexOf(a.kind) - requirementOrder.indexOf(b.kind))
      .map((r) => [describeRequirement(r), r]),
  );
  const requirements = [...distinct.keys()];
  const requirementTexts = [...distinct.values()].map(describeRequirementText);
  const blocking = enforced.filter((p) => p.grant.isBlock).map((p) => p.id);
  return {
    isBlocked: blocking.length > 0,
    blockingPolicyIds: blocking,
    requirements,
    requirementTexts,
    isSatisfied: blocking.length === 0 && policies.every((p) => p.isReportOnly || p.isSatisfied),
    policies,
    sessionControls: summarizeSessionControls(enforced),
  };
}
