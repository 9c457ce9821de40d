// Flat per-policy tables for the What-If hot loop, built once per compiled policy list (compileTenant's, or the
// list replacePolicy makes after an edit) and kept beside it. At 500 policies and a million users, reading each
// policy object, its checks object and its checks array per request cost a cache miss each, most of a What-If:
// here the status, the checks of every context kind laid end to end and the What-If result cache are a few
// contiguous arrays read in policy order.
import type { CompiledPolicy, ConditionCheck, SignInContextKind } from './compiled-model';
import { reasonBit } from './analysis-reason';

export type ChecksByPolicy = {
  /** Policy p's checks are checks[offsets[p]] .. checks[offsets[p + 1] - 1]. */
  offsets: Int32Array;
  checks: readonly ConditionCheck[];
};

export type RequestTables = {
  /** Per policy index: policyStatusMask (disabled, invalid, empty), 0 when the policy is evaluated. */
  status: Int32Array;
  /** Per policy index: 1 when the policy has precomputed explanations (compileTenant's policies all do). */
  hasExplanations: Uint8Array;
  /** Per policy index: 1 when the policy has a workload-identity condition (servicePrincipals), else 0. */
  hasServicePrincipals: Uint8Array;
  checks: Readonly<Record<SignInContextKind, ChecksByPolicy>>;
};

const policyNotEnabled = reasonBit('policyNotEnabled');
const invalidPolicy = reasonBit('invalidPolicy');
const emptyPolicy = reasonBit('emptyPolicy');

/** Status reasons that stop evaluation before any condition: disabled, invalid or empty policies. */
export function policyStatusMask(policy: CompiledPolicy): number {
  if (policy.state === 'disabled') return policyNotEnabled;
  if (policy.invalidReason) return invalidPolicy;
  if (policy.isEmpty) return emptyPolicy;
  return 0;
}

function checksOf(policies: readonly CompiledPolicy[], kind: SignInContextKind): ChecksByPolicy {
  const offsets = new Int32Array(policies.length + 1);
  const checks: ConditionCheck[] = [];
  policies.forEach((policy, p) => {
    offsets[p] = checks.length;
    checks.push(...policy.requestChecks[kind]);
  });
  offsets[policies.length] = checks.length;
  return { offsets, checks };
}

const tablesByPolicies = new WeakMap<readonly CompiledPolicy[], RequestTables>();

/** The tables of a compiled policy list (policy i at index i, as compileTenant builds it), built on first use. */
export function requestTablesOf(policies: readonly CompiledPolicy[]): RequestTables {
  const known = tablesByPolicies.get(policies);
  if (known) return known;
  const tables: RequestTables = {
    status: Int32Array.from(policies, (policy) => policyStatusMask(policy)),
    hasExplanations: Uint8Array.from(policies, (policy) => (policy.explanations ? 1 : 0)),
    hasServicePrincipals: Uint8Array.from(policies, (policy) => (policy.servicePrincipals ? 1 : 0)),
    checks: {
      application: checksOf(policies, 'application'),
      userAction: checksOf(policies, 'userAction'),
      authContext: checksOf(policies, 'authContext'),
    },
  };
  tablesByPolicies.set(policies, tables);
  return tables;
}
