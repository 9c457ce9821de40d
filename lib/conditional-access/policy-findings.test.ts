// Findings over a policy set (issue 2, item 7).
import { describe, expect, it } from 'vitest';
import { phishingResistantStrengthId } from './built-in-authentication-strengths';
import { findPolicyIssues } from './policy-findings';
import { policy, tenantWith, testAppId, trustedLocationId } from './test-tenant';

const codes = (policies: Record<string, unknown>[], sensitive: string[] = []) =>
  findPolicyIssues(tenantWith(policies), { sensitiveApplicationIds: sensitive }).map((f) => f.code);
const trustedExempt = policy(
  {
    conditions: {
      applications: { includeApplications: ['All'] },
      locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] },
    },
  },
  'exempt',
);

describe('findPolicyIssues', () => {
  it('flags a reset app exempt from MFA on trusted networks, and not once a dedicated policy covers it', () => {
    const findings = findPolicyIssues(tenantWith([trustedExempt]), { sensitiveApplicationIds: [testAppId] });
    const finding = findings.find((f) => f.code === 'trustedNetworkMfaExemption');
    expect(finding).toMatchObject({ severity: 'high', policyIds: ['exempt'], applicationIds: [testAppId] });
    expect(codes([trustedExempt, policy({}, 'dedicated')], [testAppId])).not.toContain('trustedNetworkMfaExemption');
  });
  it('flags users who have no method for a phishing-resistant strength', () => {
    const finding = findPolicyIssues(
      tenantWith([policy({ grantControls: { authenticationStrength: { id: phishingResistantStrengthId } } })]),
      { sensitiveApplicationIds: [] },
    ).find((f) => f.code === 'strengthUnreachableForUsers');
    expect(finding?.severity).toBe('high');
    expect(finding?.userIds).toEqual(expect.arrayContaining(['u-member', 'u-passwordless']));
    expect(finding?.userIds).not.toContain('u-admin');
  });
  it('flags mfa together with an authentication strength', () => {
    expect(
      codes([
        policy({
          grantControls: { builtInControls: ['mfa'], authenticationStrength: { id: phishingResistantStrengthId } },
        }),
      ]),
    ).toContain('mfaAndAuthenticationStrength');
  });
  it('flags a policy that targets no one', () => {
    expect(
      codes([policy({ conditions: { users: { includeUsers: ['u-admin'], excludeUsers: ['u-admin'] } } })]),
    ).toContain('policyTargetsNoOne');
    expect(codes([policy()])).not.toContain('policyTargetsNoOne');
  });
  it('flags exclusions that leave users with no policy', () => {
    const finding = findPolicyIssues(
      tenantWith([policy({ conditions: { users: { includeUsers: ['All'], excludeUsers: ['u-admin'] } } })]),
      { sensitiveApplicationIds: [] },
    ).find((f) => f.code === 'usersWithoutAnyPolicy');
    expect(finding).toMatchObject({ severity: 'medium', userIds: ['u-admin'] });
  });
  it('flags a block on everyone with no exclusion, and missing legacy-authentication blocking', () => {
    const all = policy({
      conditions: { applications: { includeApplications: ['All'] } },
      grantControls: { builtInControls: ['block'] },
    });
    expect(codes([all])).toContain('blockWithoutEmergencyExclusion');
    expect(codes([policy()])).toContain('legacyAuthenticationNotBlocked');
  });
  it('flags users without any MFA method under Require MFA', () => {
    const finding = findPolicyIssues(tenantWith([policy()]), { sensitiveApplicationIds: [] }).find(
      (f) => f.code === 'usersWithoutMfaMethod',
    );
    expect(finding?.userIds).toEqual(expect.arrayContaining(['u-password-only', 'u-local-guest']));
  });
});

describe('lint reports every missing reference of a policy', () => {
  it('lists each unknown user id, group id and named location once, not only the first', () => {
    const stale = policy({
      conditions: {
        users: {
          includeUsers: ['u-member', 'u-gone-1', 'u-gone-2'],
          excludeUsers: ['GuestsOrExternalUsers', 'u-gone-1'],
          includeGroups: ['g-parent', 'g-gone'],
          excludeGroups: ['g-gone-too'],
        },
        locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted', trustedLocationId, 'loc-gone'] },
      },
    });
    const finding = findPolicyIssues(tenantWith([stale]), { sensitiveApplicationIds: [] }).find(
      (f) => f.code === 'unknownReference',
    );
    expect(finding?.references).toEqual([
      { kind: 'user', id: 'u-gone-1' },
      { kind: 'user', id: 'u-gone-2' },
      { kind: 'group', id: 'g-gone' },
      { kind: 'group', id: 'g-gone-too' },
      { kind: 'namedLocation', id: 'loc-gone' },
    ]);
    for (const id of ['u-gone-1', 'u-gone-2', 'g-gone', 'g-gone-too', 'loc-gone'])
      expect(finding?.message).toContain(id);
  });
  it('reports nothing when every reference resolves', () => {
    const clean = policy({ conditions: { users: { includeUsers: ['u-member'], includeGroups: ['g-child'] } } });
    expect(codes([clean])).not.toContain('unknownReference');
  });
});

describe('findPolicyIssues on sensitive apps with no MFA at all', () => {
  it('flags members who face no MFA policy on the reset app from any network', () => {
    const onlyOtherApps = policy({
      conditions: { applications: { includeApplications: ['All'], excludeApplications: [testAppId] } },
    });
    const finding = findPolicyIssues(tenantWith([onlyOtherApps]), { sensitiveApplicationIds: [testAppId] }).find(
      (f) => f.code === 'sensitiveApplicationWithoutMfa',
    );
    expect(finding?.userIds).toEqual(expect.arrayContaining(['u-member', 'u-admin']));
    expect(
      findPolicyIssues(tenantWith([policy()]), { sensitiveApplicationIds: [testAppId] }).map((f) => f.code),
    ).not.toContain('sensitiveApplicationWithoutMfa');
  });
});
