import { describe, expect, it } from 'vitest';
import { generateSyntheticTenant, syntheticResetAppId } from '../../bench/synthetic-tenant';
import { computeBlastRadius, diffBlastRadius } from '../conditional-access/blast-radius';
import { compileTenant } from '../conditional-access/compile-tenant';
import { parseTenant } from '../conditional-access/parse-input';
import { standardSignInFlows } from '../conditional-access/standard-flows';
import { diffSameDirectory } from './fast-blast-radius-diff';
import { recommendedResetPortalPolicy } from './scenario-presets';

describe('diffSameDirectory', () => {
  it('equals the engine diff, for a draft that changes outcomes and for one that blocks the app', () => {
    const tenant = parseTenant(
      generateSyntheticTenant({ users: 3_000, groups: 80, policies: 40, applications: 10 }, 5),
      'synthetic',
    );
    const options = {
      request: {
        signInContext: {
          '@odata.type': '#microsoft.graph.applicationContext' as const,
          includeApplications: [syntheticResetAppId],
        },
        signInConditions: {
          ipAddress: '203.0.113.10',
          devicePlatform: 'windows' as const,
          clientAppType: 'browser' as const,
          deviceInfo: { isCompliant: true, trustType: 'AzureAD' },
        },
      },
      flows: standardSignInFlows,
    };
    const before = computeBlastRadius(compileTenant(tenant), options);
    const passwordless = recommendedResetPortalPolicy(tenant, 'd1');
    const changedCounts: number[] = [];
    for (const draft of [
      passwordless,
      { ...passwordless, grantControls: { operator: 'OR' as const, builtInControls: ['block' as const] } },
    ]) {
      const after = computeBlastRadius(
        compileTenant(tenant, { policies: [...tenant.conditionalAccessPolicies, draft] }),
        options,
      );
      const expected = diffBlastRadius(before, after);
      expect(diffSameDirectory(before, after)).toEqual(expected);
      changedCounts.push(expected.changedUserCount);
    }
    // The synthetic tenant already requires Passwordless MFA on its reset app; the blocking draft changes thousands.
    expect(Math.max(...changedCounts)).toBeGreaterThan(1_000);
  });
});
