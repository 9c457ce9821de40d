// Graph's What-If (POST /identity/conditionalAccess/evaluate): every policy with policyApplies and
// analysisReasons (Graph: whatifanalysisresult), plus an `explanation` naming the first unmet condition as the
// portal's What If does. Report-only policies apply (they are evaluated and logged, never enforced).
import { engineText, sentence, type EngineText } from './engine-text';
import { analysisReasons, formatAnalysisReasons } from './analysis-reason';
import { firstReasonOf, type Explained } from './policy-explanations';
import type { CompiledPolicy, CompiledSignIn, CompiledTenant } from './compiled-model';
import {
  addUserConditions,
  evaluateRequestConditions,
  firstUnmetCheck,
  statusExplanation,
} from './policy-applicability';
import type { ConditionalAccessPolicy } from './policy-schema';
import { isOneOf } from '../is-one-of';
import { requestTablesOf } from './request-tables';
import { compileSignInContext, resolveSignInUser } from './sign-in-context';
import { userExcluded, userScopeAt } from './user-scope-matrix';
import type { WhatIfRequest } from './what-if-request-schema';

export type WhatIfPolicyResult = ConditionalAccessPolicy & {
  policyApplies: boolean;
  /** Graph's comma-separated whatIfAnalysisReasons flags; "notSet" when the policy applies. */
  analysisReasons: string;
  /** Extension: one human sentence naming the first unmet condition. */
  explanation: string;
  /** Extension: the same sentence as a code with parameters (engine-text.ts), for translated pages. */
  explanationText: EngineText;
  /**
   * Extension: conditions this policy configures that the engine did not evaluate (`time` for `conditions.times`,
   * Graph's analysis-reason word); `policyApplies` is computed from the other conditions. Empty when fully evaluated.
   */
  unevaluatedConditions: readonly string[];
};

export type EvaluatedRequest = {
  tenant: CompiledTenant;
  signIn: CompiledSignIn;
  userIndex: number;
  /** Per policy index: 0 when the policy applies, else the bits of its analysis reasons. */
  reasonMasks: Int32Array;
};

/** The policies that apply, in tenant order. */
export function applicablePolicies(evaluated: EvaluatedRequest): CompiledPolicy[] {
  return evaluated.tenant.policies.filter((p) => evaluated.reasonMasks[p.index] === 0);
}

/**
 * Compact applicability for every policy; the building block of What-If, sign-in flows and the matrix. `into` (the
 * policy count long) receives the masks instead of a new array when given.
 */
export function evaluatePolicyApplicability(
  tenant: CompiledTenant,
  request: WhatIfRequest,
  into?: Int32Array,
): EvaluatedRequest {
  const userIndex = resolveSignInUser(tenant, request);
  const signIn = compileSignInContext(tenant, request);
  const reasonMasks = evaluateRequestConditions(tenant, signIn, into);
  addUserConditions(tenant, reasonMasks, userIndex);
  return { tenant, signIn, userIndex, reasonMasks };
}

export function explainPolicyResult(evaluated: EvaluatedRequest, policyIndex: number): string {
  const { tenant, signIn, userIndex } = evaluated;
  const policy = tenant.policies[policyIndex];
  if (!policy) return 'Does not apply.';
  if (evaluated.reasonMasks[policyIndex] === 0) {
    if (policy.explanations && policy.unevaluatedConditions.length > 0) return policy.explanations.applies.message;
    return policy.state === 'enabledForReportingButNotEnforced'
      ? 'Applies (report-only: evaluated and logged, not enforced).'
      : 'Applies: every configured condition matches this sign-in.';
  }
  const status = statusExplanation(policy);
  if (status) return status;
  const input = { tenant, policy, signIn, userIndex };
  const check = firstUnmetCheck(input);
  if (check?.reason === 'users' && policy.targetsAgentIdentitiesOnly && policy.explanations)
    return policy.explanations.usersNotIncluded.message;
  return check ? check.explain(input) : 'Does not apply.';
}

const graphKeys = [
  'id',
  'templateId',
  'displayName',
  'createdDateTime',
  'modifiedDateTime',
  'state',
  'sessionControls',
  'conditions',
  'grantControls',
  'unevaluatedConditions',
] as const;
const extraKeysCache = new WeakMap<ConditionalAccessPolicy, string[]>();
function extraKeysOf(source: ConditionalAccessPolicy): string[] {
  let keys = extraKeysCache.get(source);
  if (!keys) {
    keys = Object.keys(source).filter((k) => !isOneOf(graphKeys, k));
    extraKeysCache.set(source, keys);
  }
  return keys;
}

const usersBit = 1 << analysisReasons.indexOf('users');

const doesNotApply = sentence('explanation.doesNotApply');

/** The precomputed one-line explanation; explainPolicyResult gives a request-specific one. */
function quickExplanation(evaluated: EvaluatedRequest, policy: CompiledPolicy, mask: number): Explained {
  const explanations = policy.explanations;
  if (!explanations) {
    const message = explainPolicyResult(evaluated, policy.index);
    return { message, text: engineText('explanation.doesNotApply') };
  }
  if (mask === 0) return explanations.applies;
  if (explanations.status) return explanations.status;
  if ((mask & usersBit) !== 0) {
    const { tenant, userIndex } = evaluated;
    return userIndex >= 0 && userScopeAt(tenant.userScopes, userIndex, policy.index) === userExcluded
      ? explanations.usersExcluded
      : explanations.usersNotIncluded;
  }
  const reason = firstReasonOf(mask);
  return (reason && explanations.byReason.get(reason)) ?? doesNotApply;
}

/**
 * Graph's answer for every policy. A policy's result depends only on its analysis mask (and, for "users", whether
 * the user is excluded rather than not included), so each distinct result is built once per compiled policy and
 * shared by later calls: a 500-policy What-If then allocates one array instead of 500 objects, which was most of its
 * time and garbage at a million users. Results are plain data for serialising; callers must not mutate them.
 */
export function evaluateWhatIf(tenant: CompiledTenant, request: WhatIfRequest): { value: WhatIfPolicyResult[] } {
  const cache = resultCacheOf(tenant.policies);
  // The masks live only for this call (the results are built from them before it returns): one buffer per policy
  // list instead of a new 2 KB array per request.
  const evaluated = evaluatePolicyApplicability(tenant, request, cache.masks);
  const value: WhatIfPolicyResult[] = [];
  const masks = evaluated.reasonMasks;
  const onlyApplied = request.appliedPoliciesOnly === true;
  const { userIndex } = evaluated;
  const policies = tenant.policies;
  const { hasExplanations } = requestTablesOf(policies);
  for (let index = 0; index < masks.length; index++) {
    const mask = masks[index] ?? 0;
    if (onlyApplied && mask !== 0) continue;
    const isExcluded =
      (mask & usersBit) !== 0 && userIndex >= 0 && userScopeAt(tenant.userScopes, userIndex, index) === userExcluded;
    const key = isExcluded ? -mask - 1 : mask;
    const cached = hasExplanations[index] === 1 ? cachedResult(cache, index, key) : undefined;
    if (cached) {
      value.push(cached);
      continue;
    }
    const policy = policies[index];
    if (!policy) continue;
    const item = resultOf(evaluated, policy, mask);
    if (hasExplanations[index] === 1) storeResult(cache, index, key, item);
    value.push(item);
  }
  return { value };
}

// The built results by policy and key, the first `resultWays` keys of each policy in two flat arrays read in policy
// order (a per-policy Map was a cache miss per policy and request at 500 policies); further keys go to the
// policy's own map. Kept beside the compiled policy list, so an edited list (replacePolicy) starts empty.
const resultWays = 4;
const noKey = 0x7fffffff; // above every analysis mask (fewer than 31 reasons)
type ResultCache = {
  /** evaluateWhatIf's scratch masks (one per policy). */
  masks: Int32Array;
  keys: Int32Array;
  items: (WhatIfPolicyResult | undefined)[];
  /** Keys beyond the first resultWays of a policy, by policy index. */
  overflow: Map<number, Map<number, WhatIfPolicyResult>>;
};
const resultCaches = new WeakMap<readonly CompiledPolicy[], ResultCache>();

function resultCacheOf(policies: readonly CompiledPolicy[]): ResultCache {
  let cache = resultCaches.get(policies);
  if (!cache) {
    cache = {
      masks: new Int32Array(policies.length),
      keys: new Int32Array(policies.length * resultWays).fill(noKey),
      items: new Array<WhatIfPolicyResult | undefined>(policies.length * resultWays).fill(undefined),
      overflow: new Map(),
    };
    resultCaches.set(policies, cache);
  }
  return cache;
}

function cachedResult(cache: ResultCache, index: number, key: number): WhatIfPolicyResult | undefined {
  const base = index * resultWays;
  for (let way = 0; way < resultWays; way++) {
    const held = cache.keys[base + way];
    if (held === key) return cache.items[base + way];
    if (held === noKey) return undefined;
  }
  return cache.overflow.get(index)?.get(key);
}

function storeResult(cache: ResultCache, index: number, key: number, item: WhatIfPolicyResult): void {
  const base = index * resultWays;
  for (let way = 0; way < resultWays; way++) {
    if (cache.keys[base + way] === noKey) {
      cache.keys[base + way] = key;
      cache.items[base + way] = item;
      return;
    }
  }
  const overflow = cache.overflow.get(index) ?? new Map<number, WhatIfPolicyResult>();
  overflow.set(key, item);
  cache.overflow.set(index, overflow);
}

function resultOf(evaluated: EvaluatedRequest, policy: CompiledPolicy, mask: number): WhatIfPolicyResult {
  const source = policy.source;
  // One object literal with a fixed shape: a spread of zod's output, a prototype or symbol keys are each
  // ten to a hundred times slower here.
  const item: WhatIfPolicyResult = {
    id: source.id,
    templateId: source.templateId,
    displayName: source.displayName,
    createdDateTime: source.createdDateTime,
    modifiedDateTime: source.modifiedDateTime,
    state: source.state,
    sessionControls: source.sessionControls,
    conditions: source.conditions,
    grantControls: source.grantControls,
    policyApplies: mask === 0,
    analysisReasons: formatAnalysisReasons(mask),
    explanation: '',
    explanationText: doesNotApply.text,
    unevaluatedConditions: policy.unevaluatedConditions,
  };
  const explained = quickExplanation(evaluated, policy, mask);
  item.explanation = explained.message;
  item.explanationText = explained.text;
  for (const key of extraKeysOf(source)) item[key] = source[key];
  return item;
}
