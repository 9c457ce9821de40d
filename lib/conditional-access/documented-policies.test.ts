// Microsoft's common policies (concept-conditional-access-policy-common and the policy-* how-to pages) end to end.
import { describe, expect, it } from 'vitest';
import { parseWhatIfRequest } from './parse-input';
import { evaluateSignInFlow } from './sign-in-flow';
import { globalAdministratorRoleId, policy, request, tenantWith, trustedLocationId } from './test-tenant';
import { evaluateWhatIf } from './what-if';

const allResources = { applications: { includeApplications: ['All'] } };
const exceptEmergency = (extra: Record<string, unknown> = {}) => ({
  users: { includeUsers: ['All'], excludeUsers: ['u-admin'], ...extra },
});

describe('common policies', () => {
  it('securing security info registration: MFA outside trusted locations only (policy-all-users-security-info-registration)', () => {
    const p = policy({
      conditions: {
        ...exceptEmergency(),
        applications: { includeUserActions: ['urn:user:registersecurityinfo'] },
        locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] },
      },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    });
    const register = (ip: string) =>
      request(
        'u-member',
        { ipAddress: ip },
        { '@odata.type': '#microsoft.graph.userActionContext', userAction: 'registerSecurityInformation' },
      );
    expect(evaluateWhatIf(tenantWith([p]), register('192.0.2.10')).value[0]?.policyApplies).toBe(true);
    expect(evaluateWhatIf(tenantWith([p]), register('203.0.113.10')).value[0]?.analysisReasons).toBe('location');
    expect(evaluateWhatIf(tenantWith([p]), request('u-member')).value[0]?.analysisReasons).toBe('application');
  });

  it('require MFA to register or join devices (how-to-policy-mfa-device-register-join)', () => {
    const p = policy({
      conditions: { ...exceptEmergency(), applications: { includeUserActions: ['urn:user:registerdevice'] } },
    });
    const join = request(
      'u-member',
      {},
      { '@odata.type': '#microsoft.graph.userActionContext', userAction: 'registerOrJoinDevices' },
    );
    expect(evaluateSignInFlow(tenantWith([p]), join, { methods: ['password'] }).outcome).toBe('interrupted');
    expect(
      evaluateSignInFlow(tenantWith([p]), join, { methods: ['password', 'microsoftAuthenticatorPush'] }).outcome,
    ).toBe('granted');
  });

  it('sign-in risk-based MFA (howto-conditional-access-policy-risk)', () => {
    const p = policy({ conditions: { ...exceptEmergency(), ...allResources, signInRiskLevels: ['high', 'medium'] } });
    const t = tenantWith([p]);
    expect(
      evaluateSignInFlow(t, request('u-member', { signInRiskLevel: 'medium' }), { methods: ['password'] }).outcome,
    ).toBe('interrupted');
    expect(
      evaluateSignInFlow(t, request('u-member', { signInRiskLevel: 'low' }), { methods: ['password'] }).outcome,
    ).toBe('granted');
  });

  it('compliant device, hybrid joined device or MFA (policy-alt-all-users-compliant-hybrid-or-mfa)', () => {
    const p = policy({
      conditions: { ...exceptEmergency(), ...allResources },
      grantControls: { operator: 'OR', builtInControls: ['compliantDevice', 'domainJoinedDevice', 'mfa'] },
    });
    const t = tenantWith([p]);
    expect(
      evaluateSignInFlow(t, request('u-member', { deviceInfo: { trustType: 'ServerAD' } }), { methods: ['password'] })
        .outcome,
    ).toBe('granted');
    expect(
      evaluateSignInFlow(t, request('u-member', { deviceInfo: { isCompliant: true } }), { methods: ['password'] })
        .outcome,
    ).toBe('granted');
    expect(
      evaluateSignInFlow(t, request('u-member'), { methods: ['password', 'microsoftAuthenticatorPush'] }).outcome,
    ).toBe('granted');
    expect(evaluateSignInFlow(t, request('u-member'), { methods: ['password'] }).outcome).toBe('interrupted');
  });

  it('admins on a non-SAW device are blocked, SAW devices pass (concept-condition-filters-for-devices scenario 1)', () => {
    const admins = { users: { includeRoles: [globalAdministratorRoleId] } };
    const mfaAndCompliant = policy(
      {
        conditions: { ...admins, ...allResources },
        grantControls: { operator: 'AND', builtInControls: ['mfa', 'compliantDevice'] },
      },
      'p1',
    );
    const blockNonSaw = policy(
      {
        conditions: {
          ...admins,
          ...allResources,
          devices: { deviceFilter: { mode: 'exclude', rule: 'device.extensionAttribute1 -eq "SAW"' } },
        },
        grantControls: { operator: 'OR', builtInControls: ['block'] },
      },
      'p2',
    );
    const t = tenantWith([mfaAndCompliant, blockNonSaw]);
    expect(
      evaluateSignInFlow(t, request('u-admin', { deviceInfo: { extensionAttribute1: 'SAW', isCompliant: true } }), {
        methods: ['fido2'],
      }).outcome,
    ).toBe('granted');
    expect(
      evaluateSignInFlow(t, request('u-admin', { deviceInfo: { extensionAttribute1: 'Laptop', isCompliant: true } }), {
        methods: ['fido2'],
      }).outcome,
    ).toBe('blocked');
    expect(evaluateSignInFlow(t, request('u-admin'), { methods: ['fido2'] }).outcome).toBe('blocked');
  });

  it('block access outside trusted locations except for named ones (policy-block-by-location)', () => {
    const p = policy({
      conditions: {
        ...exceptEmergency(),
        ...allResources,
        locations: { includeLocations: ['All'], excludeLocations: [trustedLocationId] },
      },
      grantControls: { builtInControls: ['block'] },
    });
    expect(
      evaluateSignInFlow(tenantWith([p]), request('u-member', { ipAddress: '198.51.100.1' }), {
        methods: ['password', 'microsoftAuthenticatorPush'],
      }).outcome,
    ).toBe('blocked');
    expect(
      evaluateSignInFlow(tenantWith([p]), request('u-member', { ipAddress: '203.0.113.1' }), { methods: ['password'] })
        .outcome,
    ).toBe('granted');
    expect(
      evaluateSignInFlow(tenantWith([p]), request('u-admin', { ipAddress: '198.51.100.1' }), { methods: ['password'] })
        .outcome,
    ).toBe('granted');
  });

  it('sign-in frequency every time is reported as a session control', () => {
    const p = policy({
      sessionControls: {
        signInFrequency: {
          isEnabled: true,
          frequencyInterval: 'everyTime',
          authenticationType: 'primaryAndSecondaryAuthentication',
        },
      },
    });
    const result = evaluateSignInFlow(tenantWith([p]), request('u-member'), {
      methods: ['password', 'microsoftAuthenticatorPush'],
    });
    expect(result.sessionControls.signInFrequency).toMatchObject({ frequencyInterval: 'everyTime', policyIds: ['p1'] });
    expect(result.appliedPolicies[0]?.enforcedSessionControls).toEqual(['SignInFrequency']);
  });

  it('a service principal sign-in is only in scope of workload identity policies', () => {
    const spPolicy = policy(
      {
        conditions: {
          users: { includeUsers: ['None'] },
          clientApplications: { includeServicePrincipals: ['sp-1'] },
          ...allResources,
        },
        grantControls: { builtInControls: ['block'] },
      },
      'sp',
    );
    const userPolicy = policy({}, 'user');
    const sp = parseWhatIfRequest(
      {
        ...request(),
        signInIdentity: { '@odata.type': '#microsoft.graph.servicePrincipalSignIn', servicePrincipalId: 'sp-1' },
      },
      'service-principal-request.json',
    );
    const byId = Object.fromEntries(
      evaluateWhatIf(tenantWith([spPolicy, userPolicy]), sp).value.map((p) => [p.id, p.analysisReasons]),
    );
    expect(byId).toEqual({ sp: 'notSet', user: 'users' });
    expect(evaluateWhatIf(tenantWith([spPolicy]), request()).value[0]?.analysisReasons).toBe('users');
  });
});
