// Edge semantics re-read against Microsoft's pages (issue 15, "Documented semantics"); each case names its page.
import { describe, expect, it } from 'vitest';
import { evaluateSignInFlow } from './sign-in-flow';
import { compileTenant } from './compile-tenant';
import { parseTenant } from './parse-input';
import { policy, rawTenant, request, tenantWith } from './test-tenant';
import { evaluateWhatIf } from './what-if';

/** The test tenant with some users' registered methods replaced. */
function tenantWithMethods(policies: Record<string, unknown>[], methods: Record<string, string[]>) {
  const raw = rawTenant(policies);
  for (const user of raw.users) user.authenticationMethods = methods[user.id] ?? user.authenticationMethods;
  return compileTenant(parseTenant(raw, 'test-tenant.json'));
}

const registerSecurityInfo = {
  '@odata.type': '#microsoft.graph.userActionContext',
  userAction: 'registerSecurityInformation',
};
const registerDevice = { '@odata.type': '#microsoft.graph.userActionContext', userAction: 'registerOrJoinDevices' };
const allResources = (grantControls: Record<string, unknown>, id = 'all') =>
  policy({ conditions: { applications: { includeApplications: ['All'] } }, grantControls }, id);

describe('user actions and "All resources" (conditionalaccessroot-evaluate example; concept-authentication-strengths)', () => {
  it("Graph's evaluate example: an All-resources policy applies to registerSecurityInformation", () => {
    const result = evaluateWhatIf(
      tenantWith([allResources({ builtInControls: ['mfa'] })]),
      request('u-member', {}, registerSecurityInfo),
    );
    expect(result.value[0]).toMatchObject({ policyApplies: true, analysisReasons: 'notSet' });
  });

  it('a compliant-device requirement from an All-resources policy still applies to a TAP bootstrap', () => {
    const registration = policy(
      {
        conditions: { applications: { includeUserActions: ['urn:user:registersecurityinfo'] } },
        grantControls: { builtInControls: ['mfa'] },
      },
      'registration',
    );
    const compliant = allResources({ builtInControls: ['compliantDevice'] }, 'compliant');
    const tenant = tenantWithMethods([registration, compliant], {
      'u-member': ['password', 'temporaryAccessPassOneTime'],
    });
    const bootstrap = { methods: ['temporaryAccessPassOneTime'] as const };
    const unmanaged = evaluateSignInFlow(tenant, request('u-member', {}, registerSecurityInfo), {
      methods: [...bootstrap.methods],
    });
    expect(unmanaged.appliedPolicies.map((p) => [p.id, p.result])).toEqual([
      ['registration', 'success'],
      ['compliant', 'failure'],
    ]);
    expect(unmanaged.outcome).toBe('blocked');
    const managed = evaluateSignInFlow(
      tenant,
      request('u-member', { deviceInfo: { isCompliant: true } }, registerSecurityInfo),
      {
        methods: [...bootstrap.methods],
      },
    );
    expect(managed.outcome).toBe('granted');
  });

  it('device registration is not covered by All resources (README, documented choice)', () => {
    const result = evaluateWhatIf(
      tenantWith([allResources({ builtInControls: ['mfa'] })]),
      request('u-member', {}, registerDevice),
    );
    expect(result.value[0]?.analysisReasons).toBe('userActions');
  });
});

describe('Temporary Access Pass as a second factor (concept-authentication-methods, methods table)', () => {
  it('password then a TAP is a valid flow that completes MFA', () => {
    const tenant = tenantWithMethods([policy()], { 'u-password-only': ['password', 'temporaryAccessPassMultiUse'] });
    const result = evaluateSignInFlow(tenant, request('u-password-only'), {
      methods: ['password', 'temporaryAccessPassMultiUse'],
    });
    expect(result.reasons.map((r) => r.code)).not.toContain('notASecondFactor');
    expect(result.outcome).toBe('granted');
  });
});

describe('device code flow and device state (concept-conditional-access-grant)', () => {
  const compliantRequired = policy({ grantControls: { builtInControls: ['compliantDevice'] } });
  const deviceCode = (extra: Record<string, unknown> = {}) =>
    request('u-member', {
      deviceInfo: { isCompliant: true, trustType: 'ServerAD' },
      authenticationFlow: { transferMethod: 'deviceCodeFlow' },
      ...extra,
    });

  it('a deviceCodeFlow request does not satisfy a compliant-device grant from the device info it carries', () => {
    const result = evaluateSignInFlow(tenantWith([compliantRequired]), deviceCode(), {
      methods: ['password', 'microsoftAuthenticatorPush'],
    });
    expect(result.outcome).toBe('blocked');
    expect(result.reasons[0]?.message).toContain('device code flow');
    const browser = evaluateSignInFlow(
      tenantWith([compliantRequired]),
      request('u-member', { deviceInfo: { isCompliant: true } }),
      {
        methods: ['password', 'microsoftAuthenticatorPush'],
      },
    );
    expect(browser.outcome).toBe('granted');
  });

  it('nor a hybrid-joined grant', () => {
    const hybrid = policy({ grantControls: { builtInControls: ['domainJoinedDevice'] } });
    expect(evaluateSignInFlow(tenantWith([hybrid]), deviceCode(), { methods: ['password'] }).outcome).toBe('blocked');
  });

  it('nor a device filter: the device is read as unregistered (every property null)', () => {
    const exceptSaw = policy({
      conditions: { devices: { deviceFilter: { mode: 'exclude', rule: 'device.extensionAttribute1 -eq "SAW"' } } },
      grantControls: { builtInControls: ['block'] },
    });
    const saw = { deviceInfo: { extensionAttribute1: 'SAW' } };
    expect(evaluateWhatIf(tenantWith([exceptSaw]), request('u-member', saw)).value[0]?.analysisReasons).toBe('devices');
    expect(
      evaluateWhatIf(
        tenantWith([exceptSaw]),
        request('u-member', { ...saw, authenticationFlow: { transferMethod: 'deviceCodeFlow' } }),
      ).value[0]?.policyApplies,
    ).toBe(true);
  });
});
