// The user-independent conditions of a whole policy list for one sign-in, without calling 500 checks per request.
// A check whose result depends on the sign-in only through a small key (ConditionCheck.signInKey: the platform, the
// risk level, the matched locations...) gives the same answer for every request with that key, so its results for
// all the policies that configure it are computed once per key and kept as a row of analysis bits. A What-If then
// ORs a few contiguous rows into the masks instead of reading each policy object and its sets (a cache miss each at
// 500 policies and a million users: most of a What-If). Checks without a key (the device filter) run per policy.
import type { CheckInput, CompiledPolicy, ConditionCheck, SignInContextKind } from './compiled-model';
import { requestTablesOf } from './request-tables';

type KeyedCheck = {
  check: ConditionCheck;
  /** The evaluated policies (status 0) that configure this check for the context kind, in policy order. */
  policyIndices: Int32Array;
  /** By signInKey: per entry of policyIndices, the check's bit when it is not met, else 0. */
  rows: Map<string, Int32Array>;
};

export type RequestConditionPlan = {
  keyed: readonly KeyedCheck[];
  /** Checks without a key, as (policy index, check) pairs in policy order. */
  directPolicies: Int32Array;
  directChecks: readonly ConditionCheck[];
};

/** Distinct keys kept per check before its rows are dropped (a bound on memory for unusual request streams). */
const maxRowsPerCheck = 256;

function planFor(policies: readonly CompiledPolicy[], kind: SignInContextKind): RequestConditionPlan {
  const tables = requestTablesOf(policies);
  const { offsets, checks } = tables.checks[kind];
  const byCheck = new Map<ConditionCheck, number[]>();
  const directPolicies: number[] = [];
  const directChecks: ConditionCheck[] = [];
  for (let p = 0; p < policies.length; p++) {
    if ((tables.status[p] ?? 0) !== 0) continue; // disabled, invalid or empty: the status is the whole mask
    const end = offsets[p + 1] ?? 0;
    for (let k = offsets[p] ?? 0; k < end; k++) {
      const check = checks[k];
      if (!check) continue;
      if (check.signInKey === null) {
        directPolicies.push(p);
        directChecks.push(check);
        continue;
      }
      const list = byCheck.get(check) ?? [];
      list.push(p);
      byCheck.set(check, list);
    }
  }
  return {
    keyed: [...byCheck].map(([check, indices]) => ({
      check,
      policyIndices: Int32Array.from(indices),
      rows: new Map(),
    })),
    directPolicies: Int32Array.from(directPolicies),
    directChecks,
  };
}

const plans = new WeakMap<readonly CompiledPolicy[], Partial<Record<SignInContextKind, RequestConditionPlan>>>();

/** The plan of a compiled policy list for one kind of sign-in context, built on first use and kept beside the list. */
export function requestConditionPlanOf(
  policies: readonly CompiledPolicy[],
  kind: SignInContextKind,
): RequestConditionPlan {
  let byKind = plans.get(policies);
  if (!byKind) {
    byKind = {};
    plans.set(policies, byKind);
  }
  return (byKind[kind] ??= planFor(policies, kind));
}

/** The row of `keyed` for this sign-in: computed with the check itself the first time its key is seen. */
export function rowFor(
  keyed: KeyedCheck,
  key: string,
  input: CheckInput,
  policies: readonly CompiledPolicy[],
): Int32Array {
  const known = keyed.rows.get(key);
  if (known) return known;
  const { check, policyIndices } = keyed;
  const row = new Int32Array(policyIndices.length);
  for (let i = 0; i < policyIndices.length; i++) {
    const policy = policies[policyIndices[i] ?? 0];
    if (!policy) continue;
    input.policy = policy;
    if (!check.isMet(input)) row[i] = check.bit;
  }
  if (keyed.rows.size >= maxRowsPerCheck) keyed.rows.clear();
  keyed.rows.set(key, row);
  return row;
}
