// Incremental re-evaluation after one policy edit equals a full re-evaluation of the edited set (fast-check): the
// same outcome for every user and flow, the same counts and lists, and the same compiled targeting bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBlastRadius, type BlastRadius, type BlastRadiusOptions } from './blast-radius';
import { reevaluateAfterPolicyEdit, replacePolicy } from './incremental-blast-radius';
import { parseTenant } from './parse-input';
import { policyArb, toPolicy } from './policy-arbitraries-test-support';
import { compileTenant } from './compile-tenant';
import { standardSignInFlows } from './standard-flows';
import { otherAppId, rawTenant, testAppId } from './test-tenant';

const requestArb = fc.record({
  app: fc.constantFrom(testAppId, otherAppId),
  ipAddress: fc.constantFrom('192.0.2.10', '203.0.113.5'),
  passwordForgotten: fc.boolean(),
});

const compile = (policies: Record<string, unknown>[]) => compileTenant(parseTenant(rawTenant(policies), 'test.json'));
const outcomesOf = (radius: BlastRadius) =>
  radius.flows.map((f) => ({ flowId: f.flowId, counts: f.counts, users: f.users, outcomes: [...f.outcomeByUser] }));

describe('incremental re-evaluation after editing one policy', () => {
  it('equals the full re-evaluation of the edited policy set', () => {
    fc.assert(
      fc.property(
        fc.array(policyArb, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        policyArb,
        requestArb,
        (specs, pick, edit, r) => {
          const policies = specs.map(toPolicy);
          const index = pick % policies.length;
          const edited = policies.map((p, i) => (i === index ? toPolicy(edit, i) : p));
          const options: BlastRadiusOptions = {
            request: {
              signInContext: { '@odata.type': '#microsoft.graph.applicationContext', includeApplications: [r.app] },
              signInConditions: { ipAddress: r.ipAddress, clientAppType: 'browser' },
            },
            flows: standardSignInFlows,
            passwordForgotten: r.passwordForgotten,
          };
          const before = compile(policies);
          const previous = computeBlastRadius(before, options);
          const editedPolicy = compile(edited).source.conditionalAccessPolicies?.[index];
          if (!editedPolicy) throw new Error('no edited policy');
          const after = replacePolicy(before, editedPolicy);
          const full = compile(edited);
          expect(after.userScopes).toEqual(full.userScopes);
          const incremental = reevaluateAfterPolicyEdit(before, previous, after, `p${index}`, options);
          expect(outcomesOf(incremental.radius)).toEqual(outcomesOf(computeBlastRadius(full, options)));
          expect(incremental.reevaluatedUsers).toBeLessThanOrEqual(before.users.length);
          // The input tenant is untouched: its own blast radius is still the previous one.
          expect(outcomesOf(computeBlastRadius(before, options))).toEqual(outcomesOf(previous));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('re-evaluates nobody when neither version can apply to the request, and only targeted users otherwise', () => {
    const base = (users: Record<string, unknown>, app: typeof testAppId | typeof otherAppId = testAppId) =>
      toPolicy(
        {
          state: 'enabled',
          users: {
            includeUsers: [],
            excludeUsers: [],
            includeGroups: [],
            excludeGroups: [],
            includeRoles: [],
            excludeRoles: [],
            ...users,
          },
          apps: [app],
          locations: null,
          grant: { operator: 'OR', builtInControls: ['block'] },
        },
        0,
      );
    const options: BlastRadiusOptions = {
      request: {
        signInContext: { '@odata.type': '#microsoft.graph.applicationContext', includeApplications: [testAppId] },
      },
      flows: standardSignInFlows,
    };
    const before = compile([base({ includeUsers: ['u-member'] }, otherAppId)]);
    const previous = computeBlastRadius(before, options);
    const otherApp = compile([base({ includeUsers: ['u-admin'] }, otherAppId)]).source.conditionalAccessPolicies?.[0];
    const thisApp = compile([base({ includeUsers: ['u-admin'] })]).source.conditionalAccessPolicies?.[0];
    if (!otherApp || !thisApp) throw new Error('no policy');
    expect(
      reevaluateAfterPolicyEdit(before, previous, replacePolicy(before, otherApp), 'p0', options).reevaluatedUsers,
    ).toBe(0);
    const now = reevaluateAfterPolicyEdit(before, previous, replacePolicy(before, thisApp), 'p0', options);
    expect(now.reevaluatedUsers).toBe(1);
    expect(now.radius.flows[0]?.users.blocked).toEqual(['u-admin']);
  });
});
