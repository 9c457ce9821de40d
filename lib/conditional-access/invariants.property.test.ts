// Invariants that must hold for any policy set (fast-check): exclusion always wins, adding a block policy never
// turns a blocked sign-in into a granted one, and the order of policies never changes a result.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateSignInFlow } from './sign-in-flow';
import { standardSignInFlows } from './standard-flows';
import { policyArb, toPolicy, userIdArb, usersConditionArb } from './policy-arbitraries-test-support';
import { request, tenantWith } from './test-tenant';
import { evaluateWhatIf } from './what-if';

const scenarioArb = fc.record({
  user: userIdArb,
  ipAddress: fc.constantFrom('192.0.2.10', '203.0.113.5'),
  methods: fc.constantFrom(...standardSignInFlows.map((f) => f.methods)),
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
