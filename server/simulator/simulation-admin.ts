import 'server-only';
// What-If, comparison matrix and findings for a stored policy-set version, for the admin pages. The view state
// comes from the URL (lib/simulator/simulator-url-state.ts) so every view is shareable; the engine does all
// the evaluation, exactly as the CLI and the mock Entra do.
import { buildComparisonMatrix, type ComparisonMatrix } from '../../lib/conditional-access/comparison-matrix';
import { evaluateGrantControls, type GrantControlsSummary } from '../../lib/conditional-access/evaluate-grant-controls';
import { findPolicyIssues, type Finding } from '../../lib/conditional-access/policy-findings';
import { evaluateWhatIf, type WhatIfPolicyResult } from '../../lib/conditional-access/what-if';
import type { WhatIfRequest } from '../../lib/conditional-access/what-if-request-schema';
import type { MatrixState, WhatIfState } from '../../lib/simulator/simulator-url-state';
import { signInContextOf, whatIfRequestOf } from '../../lib/simulator/what-if-request';
import { requireRole } from '../auth/require-role';
import { getDatabase } from '../database/database';
import { compileStoredVersion, effectiveNamedLocations } from './compiled-policy-set';
import { getPolicySetVersion, type StoredVersion } from './policy-set-store';

export type WhatIfView = { request: WhatIfRequest; policies: WhatIfPolicyResult[]; grant: GrantControlsSummary };

export async function loadSimulationContextForAdmin(policySetId: string, version?: number) {
  await requireRole('Portal.Admin');
  const stored = await getPolicySetVersion(getDatabase(), policySetId, version);
  const tenant = compileStoredVersion(stored.id, stored);
  return { stored, tenant, namedLocations: effectiveNamedLocations(stored) };
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
