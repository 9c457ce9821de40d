import demoTenantJson from '../../fixtures/demo-tenant.json';
import { describe, expect, it } from 'vitest';
import { computeBlastRadius, diffBlastRadius } from '../conditional-access/blast-radius';
import { passwordlessStrengthId } from '../conditional-access/built-in-authentication-strengths';
import { compileTenant } from '../conditional-access/compile-tenant';
import { parseTenant } from '../conditional-access/parse-input';
import { standardSignInFlows } from '../conditional-access/standard-flows';
import { buildGroupHeatMap, heatStep } from './group-heat-map';
import { parseSinglePolicy } from './policy-set-documents';
import { recommendedResetPortalPolicy, resetAndDeskApplications, scenarioPreset } from './scenario-presets';

const tenant = parseTenant(structuredClone(demoTenantJson), 'demo-tenant.json');
const deskAppId = 'a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d02';

describe('scenario presets', () => {
  it('finds the reset and service-desk apps by their tags', () => {
    expect(resetAndDeskApplications(tenant)).toEqual({ resetAppId: 'a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d01', deskAppId });
  });

  it('the recommended reset-portal policy is valid for Entra and excludes the emergency access group', () => {
    const policy = parseSinglePolicy(recommendedResetPortalPolicy(tenant, 'draft-1'), []);
    expect(policy.grantControls?.authenticationStrength?.id).toBe(passwordlessStrengthId);
    expect(policy.conditions?.users?.excludeGroups).toEqual(['9b2c4d10-3e5f-4a6b-8c7d-000000000006']);
    expect(policy.conditions?.locations ?? null).toBeNull();
  });

  it('as a draft, it changes who can use the service desk with password + push', () => {
    const before = compileTenant(tenant);
    const after = compileTenant(tenant, {
      policies: [...tenant.conditionalAccessPolicies, recommendedResetPortalPolicy(tenant, 'draft-1')],
    });
    const options = {
      request: {
        signInContext: {
          '@odata.type': '#microsoft.graph.applicationContext' as const,
          includeApplications: [deskAppId],
        },
        signInConditions: { ipAddress: '192.0.2.44' },
      },
      flows: standardSignInFlows,
    };
    const diff = diffBlastRadius(computeBlastRadius(before, options), computeBlastRadius(after, options));
    const push = diff.flows.find((f) => f.flowId === 'passwordPush');
    expect(push?.changes.map((c) => c.userPrincipalName)).toContain('adele.vance@contoso.test');
    expect(push?.changes.some((c) => c.before === 'granted' && c.after !== 'granted')).toBe(true);
  });

  it('points each preset at the user the situation is about', () => {
    const trusted = tenant.namedLocations[0]?.id;
    expect(scenarioPreset('trustedNetworkExemption', tenant, trusted)).toMatchObject({
      view: 'what-if',
      query: { user: 'nestor.wilke@contoso.test', location: trusted },
    });
    expect(scenarioPreset('pushOnlyUsersCannotReset', tenant, trusted)).toMatchObject({
      view: 'matrix',
      query: { user: 'adele.vance@contoso.test' },
    });
    expect(scenarioPreset('resetPortalPasswordless', tenant, trusted)).toMatchObject({
      view: 'blast-radius',
      query: { preset: 'resetPortalPasswordless' },
    });
  });
});

describe('group heat map', () => {
  it('counts transitive members not granted per flow, largest groups first', () => {
    const compiled = compileTenant(tenant);
    const options = {
      request: {
        signInContext: {
          '@odata.type': '#microsoft.graph.applicationContext' as const,
          includeApplications: ['a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d01'],
        },
      },
      flows: standardSignInFlows.slice(0, 2),
      passwordForgotten: true,
    };
    const radius = computeBlastRadius(compiled, options);
    const rows = buildGroupHeatMap(
      compiled,
      radius.flows.map((f) => f.outcomeByUser),
    );
    expect(rows[0]).toMatchObject({ displayName: 'All Staff', memberCount: 10 }); // 4 direct users + nested Sales, Service Desk, Desk Supervisors, IT Admins
    // Password forgotten: the password-only flow is not possible for anyone.
    expect(rows.every((r) => r.cells[0]?.share === 1)).toBe(true);
    expect([heatStep(0), heatStep(0.05), heatStep(0.2), heatStep(0.5), heatStep(1)]).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('stackedBars', () => {
  it('splits each bar by share, in the engine order of outcomes', async () => {
    const { stackedBars } = await import('./outcome-chart');
    const { signInOutcomes } = await import('../conditional-access/blast-radius');
    const [bar] = stackedBars(
      [{ flowId: 'f', label: 'F', counts: { granted: 1, interrupted: 1, blocked: 2, unavailable: 0 } }],
      400,
      20,
      5,
    );
    expect(bar?.segments.map((s) => s.outcome)).toEqual(signInOutcomes);
    expect(bar?.segments.map((s) => [s.x, s.width])).toEqual([
      [0, 100],
      [100, 100],
      [200, 200],
      [400, 0],
    ]);
    expect(
      stackedBars(
        [{ flowId: 'e', label: 'E', counts: { granted: 0, interrupted: 0, blocked: 0, unavailable: 0 } }],
        400,
        20,
        5,
      )[0]?.total,
    ).toBe(0);
  });
});
