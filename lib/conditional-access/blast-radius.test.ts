// Blast radius over every user and the difference between two policy sets (issue 2, item 8).
import { describe, expect, it } from 'vitest';
import { computeBlastRadius, diffBlastRadius } from './blast-radius';
import { passwordlessStrengthId } from './built-in-authentication-strengths';
import { evaluateSignInFlow } from './sign-in-flow';
import { standardSignInFlows } from './standard-flows';
import { parsedTenant, policy, request, testAppId } from './test-tenant';
import { compileTenant } from './compile-tenant';
import { parsePolicyExport } from './parse-input';

const appRequest = {
  signInContext: { '@odata.type': '#microsoft.graph.applicationContext' as const, includeApplications: [testAppId] },
  signInConditions: { ipAddress: '192.0.2.10', clientAppType: 'browser' as const },
};

describe('computeBlastRadius', () => {
  const tenant = parsedTenant([policy()]);
  const compiled = compileTenant(tenant);
  const radius = computeBlastRadius(compiled, { request: appRequest, flows: standardSignInFlows });

  it('counts every user once per flow', () => {
    expect(radius.userCount).toBe(6);
    for (const flow of radius.flows) expect(Object.values(flow.counts).reduce((a, b) => a + b, 0)).toBe(6);
  });

  it('agrees with evaluateSignInFlow for every user and flow', () => {
    for (const flow of radius.flows) {
      for (const user of compiled.users) {
        const single = evaluateSignInFlow(
          compiled,
          request(user.id, { ipAddress: '192.0.2.10', devicePlatform: undefined }),
          { methods: flow.methods },
        );
        expect(flow.users[single.outcome]).toContain(user.id);
      }
    }
  });

  it('lists who needs more for password only under Require MFA', () => {
    const passwordOnly = radius.flows.find((f) => f.flowId === 'password');
    expect(passwordOnly?.counts.granted).toBe(0);
    expect(passwordOnly?.users.interrupted).toContain('u-member');
  });

  it('diffs two policy sets: a new Passwordless requirement interrupts password + push users', () => {
    const after = compileTenant(tenant, {
      policies: [
        ...tenant.conditionalAccessPolicies,
        ...parsePolicyExport(
          [policy({ grantControls: { authenticationStrength: { id: passwordlessStrengthId } } }, 'p2')],
          'added-policy.json',
        ),
      ],
    });
    const diff = diffBlastRadius(
      radius,
      computeBlastRadius(after, { request: appRequest, flows: standardSignInFlows }),
    );
    const push = diff.flows.find((f) => f.flowId === 'passwordPush');
    expect(push?.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: 'u-member', before: 'granted', after: 'interrupted' }),
      ]),
    );
    expect(push?.newlyGranted).toEqual([]);
    expect(diff.changedUserCount).toBeGreaterThan(0);
  });

  it('passwordForgotten makes password flows unavailable for everyone', () => {
    const forgotten = computeBlastRadius(compiled, {
      request: appRequest,
      flows: standardSignInFlows,
      passwordForgotten: true,
    });
    expect(forgotten.flows.find((f) => f.flowId === 'password')?.counts.unavailable).toBe(6);
  });
});
