import 'server-only';
// What-If, comparison matrix and findings for a stored policy-set version, for the admin pages. The view state
// comes from the URL (lib/simulator/simulator-url-state.ts) so every view is shareable; the engine does all
// the evaluation, exactly as the CLI and the mock Entra do.
import { buildComparisonMatrix, type ComparisonMatrix } from '../../lib/conditional-access/comparison-matrix';
import { evaluateGrantControls, type GrantControlsSummary } from '../../lib/conditional-access/evaluate-grant-controls';
import { findPolicyIssues, type Finding } from '../../lib/conditional-access/policy-findings';
import { dayBefore, findRetirementAccess, type RetirementAccess } from '../../lib/conditional-access/retirement-access';
import { evaluateWhatIf, type WhatIfPolicyResult } from '../../lib/conditional-access/what-if';
import type { WhatIfRequest } from '../../lib/conditional-access/what-if-request-schema';
import { resetAndDeskApplications } from '../../lib/simulator/scenario-presets';
import type { MatrixState, WhatIfState } from '../../lib/simulator/simulator-url-state';
import { signInContextOf, whatIfRequestOf } from '../../lib/simulator/what-if-request';
import { requireRole } from '../auth/require-role';
import { getDatabase } from '../database/database';
import { compileStoredVersion, effectiveNamedLocations } from './compiled-policy-set';
import { getPolicySetVersion, type StoredVersion } from './policy-set-store';

export type WhatIfView = { request: WhatIfRequest; policies: WhatIfPolicyResult[]; grant: GrantControlsSummary };

/** `asOf` (a checked YYYY-MM-DD) applies known method retirements from that date to every view. */
export async function loadSimulationContextForAdmin(policySetId: string, version?: number, asOf?: string) {
  await requireRole('Portal.Admin');
  const stored = await getPolicySetVersion(getDatabase(), policySetId, version);
  const tenant = compileStoredVersion(stored.id, stored, asOf);
  return { stored, tenant, namedLocations: effectiveNamedLocations(stored), asOf };
}

/** Who loses reset or sign-in on `asOf` and what to register: the set compiled the day before and on the date. */
export function runRetirementAccess(
  context: { stored: StoredVersion; tenant: ReturnType<typeof compileStoredVersion> },
  asOf: string,
): RetirementAccess[] {
  const before = compileStoredVersion(context.stored.id, context.stored, dayBefore(asOf));
  const after = compileStoredVersion(context.stored.id, context.stored, asOf);
  return findRetirementAccess(before, after, {
    resetApplicationId: resetAndDeskApplications(after.source).resetAppId,
  });
}

export function runWhatIf(
  context: { tenant: ReturnType<typeof compileStoredVersion>; namedLocations: StoredVersion['namedLocations'] },
  state: WhatIfState,
): WhatIfView {
  const request = whatIfRequestOf(state, context.namedLocations);
  const policies = evaluateWhatIf(context.tenant, request).value;
  const grant = evaluateGrantControls(context.tenant, request);
  return { request, policies, grant };
}

export function runMatrix(
  context: { tenant: ReturnType<typeof compileStoredVersion> },
  state: MatrixState & { user: string; app: string },
): ComparisonMatrix {
  const request: WhatIfRequest = {
    signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', userId: state.user },
    signInContext: signInContextOf({ target: 'app', app: state.app }),
    signInConditions: {
      clientAppType: state.client ?? 'browser',
      ...(state.platform && { devicePlatform: state.platform }),
    },
    appliedPoliciesOnly: false,
  };
  return buildComparisonMatrix(context.tenant, request);
}

export function runFindings(context: { tenant: ReturnType<typeof compileStoredVersion> }): Finding[] {
  return findPolicyIssues(context.tenant, { maxUsersPerFinding: 200 });
}
