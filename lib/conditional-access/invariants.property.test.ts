// Invariants that must hold for any policy set (fast-check): exclusion always wins, adding a block policy never
// turns a blocked sign-in into a granted one, and the order of policies never changes a result.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuthenticationMethodMode } from './authentication-method-mode';
import { evaluateSignInFlow } from './sign-in-flow';
import { standardSignInFlows } from './standard-flows';
import {
  globalAdministratorRoleId,
  otherAppId,
  request,
  tenantWith,
  testAppId,
  trustedLocationId,
} from './test-tenant';
import { evaluateWhatIf } from './what-if';

const userIds = ['u-member', 'u-admin', 'u-guest', 'u-local-guest', 'u-passwordless', 'u-password-only'];
const groupIds = ['g-parent', 'g-child', 'g-grandchild'];
const userIdArb = fc.constantFrom(...userIds);

const usersConditionArb = fc.record({
  includeUsers: fc.oneof(fc.constant(['All']), fc.subarray(userIds), fc.constant(['GuestsOrExternalUsers'])),
  excludeUsers: fc.subarray(userIds, { maxLength: 2 }),
  includeGroups: fc.subarray(groupIds),
  excludeGroups: fc.subarray(groupIds, { maxLength: 1 }),
  includeRoles: fc.subarray([globalAdministratorRoleId]),
  excludeRoles: fc.subarray([globalAdministratorRoleId]),
});

const grantArb = fc.oneof(
  fc.constant({ operator: 'OR', builtInControls: ['mfa'] }),
  fc.constant({ operator: 'OR', builtInControls: ['block'] }),
  fc.constant({ operator: 'AND', builtInControls: ['compliantDevice'] }),
  fc.constant({ operator: 'OR', builtInControls: ['mfa', 'compliantDevice'] }),
  fc.constant({
    operator: 'AND',
    builtInControls: [],
    authenticationStrength: { id: '00000000-0000-0000-0000-000000000003' },
  }),
  fc.constant({
    operator: 'AND',
    builtInControls: [],
    authenticationStrength: { id: '00000000-0000-0000-0000-000000000004' },
  }),
);

const policyArb = fc.record({
  state: fc.constantFrom('enabled', 'enabled', 'disabled', 'enabledForReportingButNotEnforced'),
  users: usersConditionArb,
  apps: fc.constantFrom(['All'], [testAppId], [otherAppId]),
  locations: fc.constantFrom(
    null,
    { includeLocations: ['All'], excludeLocations: ['AllTrusted'] },
    { includeLocations: [trustedLocationId], excludeLocations: [] },
  ),
  grant: grantArb,
});
type PolicySpec = typeof policyArb extends fc.Arbitrary<infer T> ? T : never;

const toPolicy = (spec: PolicySpec, i: number): Record<string, unknown> => ({
  id: `p${i}`,
  displayName: `Generated ${i}`,
  state: spec.state,
  conditions: {
    users: spec.users,
    applications: { includeApplications: spec.apps },
    locations: spec.locations,
    clientAppTypes: ['all'],
  },
  grantControls: spec.grant,
});

const scenarioArb = fc.record({
  user: userIdArb,
  ipAddress: fc.constantFrom('192.0.2.10', '203.0.113.5'),
  methods: fc.constantFrom(...standardSignInFlows.map((f) => f.methods as AuthenticationMethodMode[])),
  passwordForgotten: fc.boolean(),
});

describe('invariants', () => {
  it('exclusion always wins: an excluded user is never in scope of the policy', () => {
    fc.assert(
      fc.property(usersConditionArb, userIdArb, (users, user) => {
        const excludedUsers = [...users.excludeUsers, user];
        const tenant = tenantWith([
          toPolicy(
            {
              state: 'enabled',
              users: { ...users, excludeUsers: excludedUsers },
              apps: ['All'],
              locations: null,
              grant: { operator: 'OR', builtInControls: ['mfa'] },
            },
            0,
          ),
        ]);
        const result = evaluateWhatIf(tenant, request(user)).value[0];
        expect(result?.policyApplies).toBe(false);
        expect(result?.analysisReasons.split(',')).toContain('users');
      }),
      { numRuns: 200 },
    );
  });

  it('exclusion through a nested group wins over any inclusion', () => {
    fc.assert(
      fc.property(usersConditionArb, (users) => {
        // u-passwordless is a transitive member of every test group.
        const tenant = tenantWith([
          toPolicy(
            {
              state: 'enabled',
              users: { ...users, includeUsers: ['All'], excludeGroups: ['g-parent'] },
              apps: ['All'],
              locations: null,
              grant: { operator: 'OR', builtInControls: ['mfa'] },
            },
            0,
          ),
        ]);
        expect(evaluateWhatIf(tenant, request('u-passwordless')).value[0]?.policyApplies).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('adding a block policy never turns a blocked (or any) sign-in into a granted one', () => {
    fc.assert(
      fc.property(fc.array(policyArb, { maxLength: 6 }), policyArb, scenarioArb, (specs, extra, s) => {
        const policies = specs.map(toPolicy);
        const req = request(s.user, { ipAddress: s.ipAddress });
        const before = evaluateSignInFlow(tenantWith(policies), req, {
          methods: s.methods,
          passwordForgotten: s.passwordForgotten,
        }).outcome;
        const block = toPolicy(
          { ...extra, state: 'enabled', grant: { operator: 'OR', builtInControls: ['block'] } },
          99,
        );
        const after = evaluateSignInFlow(tenantWith([...policies, block]), req, {
          methods: s.methods,
          passwordForgotten: s.passwordForgotten,
        }).outcome;
        if (before === 'blocked') expect(after).not.toBe('granted');
        if (before !== 'granted') expect(after).not.toBe('granted');
      }),
      { numRuns: 300 },
    );
  });

  it('the order of policies never changes What-If or the flow outcome', () => {
    fc.assert(
      fc.property(fc.array(policyArb, { minLength: 1, maxLength: 6 }), scenarioArb, fc.integer(), (specs, s, seed) => {
        const policies = specs.map(toPolicy);
        const shuffled =
          fc.sample(fc.shuffledSubarray(policies, { minLength: policies.length, maxLength: policies.length }), {
            numRuns: 1,
            seed,
          })[0] ?? policies;
        const req = request(s.user, { ipAddress: s.ipAddress });
        const a = tenantWith(policies);
        const b = tenantWith(shuffled);
        const byId = (t: typeof a) =>
          Object.fromEntries(evaluateWhatIf(t, req).value.map((p) => [p.id, p.analysisReasons]));
        expect(byId(b)).toEqual(byId(a));
        const flow = { methods: s.methods, passwordForgotten: s.passwordForgotten };
        const ra = evaluateSignInFlow(a, req, flow);
        const rb = evaluateSignInFlow(b, req, flow);
        expect(rb.outcome).toBe(ra.outcome);
        const results = (r: typeof ra) => Object.fromEntries(r.appliedPolicies.map((p) => [p.id, p.result]));
        expect(results(rb)).toEqual(results(ra));
      }),
      { numRuns: 200 },
    );
  });
});
