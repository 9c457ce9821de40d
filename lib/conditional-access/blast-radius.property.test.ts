// Blast radius shares one flow evaluation between users of the same profile (method masks and applicable grant
// signatures, found by a numeric hash): for any policy set it must give every user exactly the outcome the
// single-user evaluation gives, and the run's running counts must equal the result's counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBlastRadius, startBlastRadiusRun } from './blast-radius';
import { policyArb, toPolicy } from './policy-arbitraries-test-support';
import { evaluateSignInFlow } from './sign-in-flow';
import { standardSignInFlows } from './standard-flows';
import { request, tenantWith, testAppId } from './test-tenant';

const conditions = { ipAddress: '192.0.2.10', clientAppType: 'browser', devicePlatform: 'windows' } as const;
const appRequest = {
  signInContext: { '@odata.type': '#microsoft.graph.applicationContext' as const, includeApplications: [testAppId] },
  signInConditions: conditions,
};

describe('blast radius against the single-user evaluation', () => {
  it('gives every user and flow the outcome of evaluateSignInFlow', () => {
    fc.assert(
      fc.property(fc.array(policyArb, { minLength: 1, maxLength: 6 }), (specs) => {
        const tenant = tenantWith(specs.map(toPolicy));
        const radius = computeBlastRadius(tenant, { request: appRequest, flows: standardSignInFlows });
        radius.flows.forEach((flow, f) => {
          const methods = standardSignInFlows[f]?.methods ?? [];
          tenant.users.forEach((user, u) => {
            const single = evaluateSignInFlow(tenant, request(user.id, conditions), { methods });
            expect([
              flow.flowId,
              user.id,
              ['granted', 'interrupted', 'blocked', 'unavailable'][flow.outcomeByUser[u] ?? 0],
            ]).toEqual([flow.flowId, user.id, single.outcome]);
          });
        });
        const run = startBlastRadiusRun(tenant, { request: appRequest, flows: standardSignInFlows });
        while (!run.step(2));
        expect(run.counts()).toEqual(radius.flows.map((flow) => flow.counts));
        expect(radius.userIds).toEqual(tenant.users.map((user) => user.id));
      }),
      { numRuns: 60 },
    );
  });
});
