// Re-evaluation after editing one policy (issue 15, "A million users": under 200 ms at 100,000 users, only the users
// the edited policy can touch are re-evaluated). A user the policy targets neither before nor after the edit (not
// included, or excluded, in both versions) has the same applicable policies in both tenants, so the same outcome;
// and when neither version passes the request's conditions (application, network, platform...) or is enabled,
// nobody's outcome can change. Everyone else is evaluated again against the edited tenant. Same result as a full
// computeBlastRadius of the edited set (incremental-blast-radius.property.test.ts).
import { resolveStrength } from './authentication-strength-match';
import { expandedStrengthOf } from './authentication-strength-schema';
import {
  blastRadiusFromOutcomes,
  createUserOutcomeEvaluator,
  type BlastRadius,
  type BlastRadiusOptions,
} from './blast-radius';
import { copyUserScopeMatrix, userIncluded } from './user-scope-matrix';
import { compilePolicyInTenant, writeApplicationTargets } from './compile-tenant';
import type { CompiledPolicy, CompiledTenant } from './compiled-model';
import { evaluateRequestConditions } from './policy-applicability';
import type { ConditionalAccessPolicy } from './policy-schema';
import { compileSignInContext } from './sign-in-context';

/**
 * The tenant with the policy of the same id replaced by `policy` (only that policy and its column of the
 * user-targeting bytes are compiled again); the input tenant is left unchanged.
 */
export function replacePolicy(tenant: CompiledTenant, policy: ConditionalAccessPolicy): CompiledTenant {
  const index = tenant.policies.findIndex((p) => p.id === policy.id);
  if (index < 0) throw new RangeError(`replacePolicy: no policy ${policy.id} in the tenant`);
  const stride = tenant.policies.length;
  const scopes = copyUserScopeMatrix(tenant.userScopes);
  const at = index >> 2;
  const keep = ~(3 << ((index & 3) << 1)) & 0xff;
  const { cells, rowBytes } = scopes;
  for (let cell = at; cell < cells.length; cell += rowBytes) cells[cell] = (cells[cell] ?? 0) & keep;
  let strengths = tenant.strengths;
  // As compileTenant does: a Graph export's expanded strength object counts when the tenant lacks that id.
  const expanded = expandedStrengthOf(policy.grantControls?.authenticationStrength);
  if (expanded && !strengths.has(expanded.id))
    strengths = new Map(strengths).set(expanded.id, resolveStrength(expanded));
  const targeting = { ...tenant.targeting, scopes };
  const compiled = compilePolicyInTenant(
    policy,
    index,
    targeting,
    strengths,
    tenant.applicationNameById,
    tenant.namedLocationById,
  );
  const policies: CompiledPolicy[] = tenant.policies.map((p, i) => (i === index ? compiled : p));
  const applicationTargets = tenant.applicationTargets.slice();
  writeApplicationTargets(applicationTargets, compiled, stride);
  const edited: CompiledTenant = {
    ...tenant,
    policies,
    userScopes: scopes,
    applicationTargets,
    targeting,
    strengths,
  };
  // The same users: their list (not enumerable, so not spread) is the original's, built only if read.
  Object.defineProperty(edited, 'users', { enumerable: false, get: () => tenant.users });
  return edited;
}

/** Whether the policy can apply to this request for anyone: enabled and every request condition met. */
function canApply(tenant: CompiledTenant, options: BlastRadiusOptions, index: number): boolean {
  const policy = tenant.policies[index];
  if (!policy || policy.state !== 'enabled') return false;
  const masks = evaluateRequestConditions(tenant, compileSignInContext(tenant, options.request));
  return masks[index] === 0;
}

export type IncrementalBlastRadius = { radius: BlastRadius; reevaluatedUsers: number };

/**
 * `previous` is the blast radius of `before` for `options`; `after` is `before` with one policy edited (replacePolicy).
 * Returns the blast radius of `after`, re-evaluating only the users the edited policy can touch.
 */
export function reevaluateAfterPolicyEdit(
  before: CompiledTenant,
  previous: BlastRadius,
  after: CompiledTenant,
  policyId: string,
  options: BlastRadiusOptions,
): IncrementalBlastRadius {
  const index = after.policies.findIndex((p) => p.id === policyId);
  if (index < 0 || before.policies[index]?.id !== policyId || before.userCount !== after.userCount)
    throw new RangeError('reevaluateAfterPolicyEdit: the tenants differ by more than one edited policy');
  const outcomeArrays = previous.flows.map((f) => f.outcomeByUser.slice());
  const relevantBefore = canApply(before, options, index);
  const relevantAfter = canApply(after, options, index);
  let reevaluatedUsers = 0;
  let distinctProfiles = previous.distinctProfiles;
  if (relevantBefore || relevantAfter) {
    const evaluator = createUserOutcomeEvaluator(after, options);
    const was = before.userScopes.cells;
    const now = after.userScopes.cells;
    const { rowBytes } = after.userScopes;
    const shift = (index & 3) << 1;
    for (let u = 0, cell = index >> 2; u < after.userCount; u++, cell += rowBytes) {
      // Touched: the edited policy applies to the user in a version that can apply to this request at all.
      const isTouched =
        (relevantBefore && (((was[cell] ?? 0) >> shift) & 3) === userIncluded) ||
        (relevantAfter && (((now[cell] ?? 0) >> shift) & 3) === userIncluded);
      if (!isTouched) continue;
      reevaluatedUsers += 1;
      const outcomes = evaluator.outcomesOf(u);
      for (let f = 0; f < outcomeArrays.length; f++) {
        const array = outcomeArrays[f];
        if (array) array[u] = outcomes[f] ?? 0;
      }
    }
    distinctProfiles = evaluator.distinctProfiles();
  }
  return {
    radius: blastRadiusFromOutcomes(after, options.flows, outcomeArrays, distinctProfiles, previous),
    reevaluatedUsers,
  };
}
