import demoTenantJson from '../../fixtures/demo-tenant.json';
import { describe, expect, it } from 'vitest';
import { generateSyntheticTenant, syntheticResetAppId } from '../../bench/synthetic-tenant';
import { computeBlastRadius, startBlastRadiusRun } from './blast-radius';
import { compileTenant } from './compile-tenant';
import { parseTenant } from './parse-input';
import { standardSignInFlows } from './standard-flows';

const demo = compileTenant(parseTenant(structuredClone(demoTenantJson), 'demo-tenant.json'));

function runInSlices(tenant: typeof demo, options: Parameters<typeof computeBlastRadius>[1], slice: number) {
  const run = startBlastRadiusRun(tenant, options);
  let steps = 0;
  while (!run.step(slice)) steps++;
  return { result: run.result(), steps, counts: run.counts() };
}

describe('startBlastRadiusRun (sliced blast radius for streaming)', () => {
  it('gives exactly computeBlastRadius on the demo tenant, whatever the slice size', () => {
    for (const passwordForgotten of [false, true]) {
      const options = {
        request: {
          signInContext: {
            '@odata.type': '#microsoft.graph.applicationContext' as const,
            includeApplications: ['a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d01'],
          },
          signInConditions: { ipAddress: '192.0.2.44', clientAppType: 'browser' as const },
        },
        flows: standardSignInFlows,
        passwordForgotten,
      };
      const expected = computeBlastRadius(demo, options);
      for (const slice of [1, 5, 1000]) {
        const { result, counts } = runInSlices(demo, options, slice);
        expect(result.flows.map((f) => f.users)).toEqual(expected.flows.map((f) => f.users));
        expect(counts).toEqual(expected.flows.map((f) => f.counts));
        expect(result.distinctProfiles).toBe(expected.distinctProfiles);
      }
    }
  });

  it('gives exactly computeBlastRadius on a synthetic tenant with nested groups and 60 policies', () => {
    const tenant = compileTenant(
      parseTenant(
        generateSyntheticTenant({ users: 4_000, groups: 120, policies: 60, applications: 12 }, 99),
        'synthetic',
      ),
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
          deviceInfo: { isCompliant: true },
        },
      },
      flows: standardSignInFlows,
    };
    const expected = computeBlastRadius(tenant, options);
    const { result, steps } = runInSlices(tenant, options, 700);
    expect(steps).toBe(5); // 4,000 users in slices of 700: 6 slices, the last one reports done
    expect(result.flows.map((f) => Array.from(f.outcomeByUser))).toEqual(
      expected.flows.map((f) => Array.from(f.outcomeByUser)),
    );
    // The outcomes really spread, so the comparison is not between two trivial "all granted" results.
    const outcomesSeen = new Set(
      expected.flows.flatMap((f) =>
        Object.entries(f.counts)
          .filter(([, n]) => n > 0)
          .map(([o]) => o),
      ),
    );
    expect(outcomesSeen.size).toBeGreaterThanOrEqual(3);
  });
});
