// Issue 15, "The authentication methods policy": what a user may use, not only what they registered, applied in
// flows, the matrix, blast radius and lint; phone types; the "as of" date and the SMS/voice retirement.
import { describe, expect, it } from 'vitest';
import type { AuthenticationMethodMode } from './authentication-method-mode';
import { computeBlastRadius } from './blast-radius';
import { buildComparisonMatrix } from './comparison-matrix';
import { compileTenant, type TenantOverrides } from './compile-tenant';
import { parseAuthenticationMethodsPolicy, parseTenant } from './parse-input';
import { findPolicyIssues } from './policy-findings';
import { findRetirementImpact } from './retirement-readiness';
import { evaluateSignInFlow } from './sign-in-flow';
import { policy, rawTenant, request, testAppId, type RawTenantUser } from './test-tenant';

type Configuration = Record<string, unknown>;
const enabled = (id: string, extra: Configuration = {}): Configuration => ({
  id,
  state: 'enabled',
  includeTargets: [{ targetType: 'group', id: 'all_users' }],
  ...extra,
});
const methodsPolicy = (...configurations: Configuration[]) =>
  parseAuthenticationMethodsPolicy(
    {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#authenticationMethodsPolicy',
      id: 'authenticationMethodsPolicy',
      authenticationMethodConfigurations: configurations,
    },
    'methods-policy.json',
  );

function tenantWithUsers(users: RawTenantUser[], overrides: TenantOverrides = {}, policies = [policy()]) {
  const raw = rawTenant(policies);
  raw.users.push(...users);
  return compileTenant(parseTenant(raw, 'tenant.json'), overrides);
}
const smsUser = {
  id: 'u-sms',
  userPrincipalName: 'sms@contoso.test',
  displayName: 'SMS',
  authenticationMethods: ['password'],
  phoneMethods: [{ phoneNumber: '+33 6 00 00 00 00', phoneType: 'mobile' }],
};
const flow = (tenant: ReturnType<typeof tenantWithUsers>, user: string, methods: AuthenticationMethodMode[]) =>
  evaluateSignInFlow(tenant, request(user), { methods });

describe('authentication methods policy in sign-in flows', () => {
  it('SMS disabled: a registered SMS is not usable, says why, and is not offered as a remedy', () => {
    const tenant = tenantWithUsers([smsUser], {
      authenticationMethodsPolicy: methodsPolicy({ id: 'Sms', state: 'disabled' }, enabled('MicrosoftAuthenticator')),
    });
    const withSms = flow(tenant, 'u-sms', ['password', 'sms']);
    expect(withSms.outcome).toBe('unavailable');
    expect(withSms.reasons[0]).toMatchObject({ code: 'methodNotAllowed' });
    expect(withSms.reasons[0]?.message).toMatch(/has that method disabled/);
    const passwordOnly = flow(tenant, 'u-sms', ['password']);
    expect(passwordOnly.outcome).toBe('interrupted');
    // The mobile phone still gives voice, which the policy does not disable: that is the remedy, never SMS.
    expect(passwordOnly.satisfiableWith.flatMap((r) => r.methods)).toEqual(['voice']);
    const noVoice = tenantWithUsers([smsUser], {
      authenticationMethodsPolicy: methodsPolicy(
        { id: 'Sms', state: 'disabled' },
        { id: 'Voice', state: 'disabled' },
        enabled('MicrosoftAuthenticator'),
      ),
    });
    const registrations = flow(noVoice, 'u-sms', ['password']).satisfiableWith;
    expect(registrations.map((r) => r.kind)).toEqual(['registerMethod', 'registerMethod', 'registerMethod']);
    expect(registrations.flatMap((r) => r.methods)).not.toContain('sms');
    expect(registrations.flatMap((r) => r.methods)).toContain('microsoftAuthenticatorPush');
  });

  it('without a methods policy every registered method stays usable (the engine as before)', () => {
    const tenant = tenantWithUsers([smsUser]);
    expect(flow(tenant, 'u-sms', ['password', 'sms']).outcome).toBe('granted');
  });

  it('FIDO2 only for a group: members (nested groups too) may use it, others may not', () => {
    const tenant = tenantWithUsers([], {
      authenticationMethodsPolicy: methodsPolicy(
        enabled('Fido2', { includeTargets: [{ targetType: 'group', id: 'g-parent' }] }),
      ),
    });
    // u-admin registered FIDO2 but is in no group; u-member is in g-child, nested in g-parent.
    const admin = flow(tenant, 'u-admin', ['fido2']);
    expect(admin.outcome).toBe('unavailable');
    expect(admin.reasons[0]?.message).toMatch(/enables it only for other users or groups/);
    const tenantWithFido = tenantWithUsers(
      [
        {
          id: 'u-fido',
          userPrincipalName: 'f@contoso.test',
          displayName: 'F',
          memberOf: ['g-child'],
          authenticationMethods: ['fido2'],
        },
      ],
      { authenticationMethodsPolicy: methodsPolicy(enabled('Fido2', { includeTargets: [{ id: 'g-parent' }] })) },
    );
    expect(flow(tenantWithFido, 'u-fido', ['fido2']).outcome).toBe('granted');
  });

  it('excluded targets win over included ones', () => {
    const tenant = tenantWithUsers([], {
      authenticationMethodsPolicy: methodsPolicy(
        enabled('MicrosoftAuthenticator', { excludeTargets: [{ targetType: 'group', id: 'g-child' }] }),
      ),
    });
    expect(flow(tenant, 'u-member', ['password', 'microsoftAuthenticatorPush']).reasons[0]?.message).toMatch(
      /excludes/,
    );
  });

  it('Authenticator in passwordless-only mode refuses push after a password and allows phone sign-in', () => {
    const tenant = tenantWithUsers([], {
      authenticationMethodsPolicy: methodsPolicy(
        enabled('MicrosoftAuthenticator', {
          includeTargets: [{ targetType: 'group', id: 'all_users', authenticationMode: 'deviceBasedPush' }],
        }),
      ),
    });
    const push = flow(tenant, 'u-passwordless', ['password', 'microsoftAuthenticatorPush']);
    expect(push.outcome).toBe('unavailable');
    expect(push.reasons[0]?.message).toMatch(/limits Microsoft Authenticator/);
    expect(flow(tenant, 'u-passwordless', ['deviceBasedPush']).outcome).toBe('granted');
  });
});

describe('phone types (concept-authentication-phone-options)', () => {
  const phoneUser = (id: string, phoneType: string) => ({
    id,
    userPrincipalName: `${id}@contoso.test`,
    displayName: id,
    authenticationMethods: ['password'],
    phoneMethods: [{ phoneType }],
  });

  it('mobile gives SMS and voice; alternateMobile and office give voice only', () => {
    const tenant = tenantWithUsers([
      phoneUser('mobile', 'mobile'),
      phoneUser('alt', 'alternateMobile'),
      phoneUser('office', 'office'),
    ]);
    const methodsOf = (id: string) => tenant.users.find((u) => u.id === id)?.registeredMethods;
    expect(methodsOf('mobile')).toEqual(['password', 'sms', 'voice']);
    expect(methodsOf('alt')).toEqual(['password', 'voice']);
    expect(methodsOf('office')).toEqual(['password', 'voice']);
    expect(flow(tenant, 'alt', ['password', 'sms']).reasons[0]?.code).toBe('methodNotRegistered');
  });

  it('an office phone gives voice only where the voice policy allows office phones', () => {
    const users = [phoneUser('office', 'office')];
    const closed = tenantWithUsers(users, { authenticationMethodsPolicy: methodsPolicy(enabled('Voice')) });
    const open = tenantWithUsers(users, {
      authenticationMethodsPolicy: methodsPolicy(enabled('Voice', { isOfficePhoneAllowed: true })),
    });
    expect(flow(closed, 'office', ['password', 'voice']).reasons[0]?.message).toMatch(/office phones/);
    expect(flow(open, 'office', ['password', 'voice']).outcome).toBe('granted');
  });
});

describe('as of a date: the SMS and voice retirement (1 February 2027)', () => {
  it('applies from 2027-02-01, not the day before', () => {
    const before = tenantWithUsers([smsUser], { asOf: '2027-01-31' });
    const after = tenantWithUsers([smsUser], { asOf: '2027-02-01' });
    expect(flow(before, 'u-sms', ['password', 'sms']).outcome).toBe('granted');
    const retired = flow(after, 'u-sms', ['password', 'sms']);
    expect(retired.outcome).toBe('unavailable');
    expect(retired.reasons[0]?.message).toMatch(/retires .* on 2027-02-01/);
  });

  it('readiness: who loses MFA on that date and what to register', () => {
    const tenant = tenantWithUsers([smsUser], {
      asOf: '2027-02-01',
      authenticationMethodsPolicy: methodsPolicy(
        enabled('Fido2'),
        enabled('MicrosoftAuthenticator'),
        enabled('Sms'),
        enabled('Voice'),
      ),
    });
    const impacts = findRetirementImpact(tenant);
    expect(impacts).toEqual([
      {
        userId: 'u-sms',
        userPrincipalName: 'sms@contoso.test',
        retiredMethods: ['sms', 'voice'],
        usableMethods: ['password'],
        keepsMultifactor: false,
        // SoftwareOath has no configuration in this policy: not governed, so allowed (README).
        register: ['fido2', 'microsoftAuthenticatorPush', 'softwareOath'],
      },
    ]);
    const finding = findPolicyIssues(tenant).find((f) => f.code === 'methodRetirementLosesMfa');
    expect(finding).toMatchObject({ severity: 'high', userIds: ['u-sms'] });
    expect(finding?.message).toMatch(/stop working on 2027-02-01/);
  });

  it('no readiness finding without an as-of date', () => {
    const codes = findPolicyIssues(tenantWithUsers([smsUser])).map((f) => f.code);
    expect(codes).not.toContain('methodRetirementLosesMfa');
  });
});

describe('matrix and blast radius use the methods policy', () => {
  const smsDisabled = { authenticationMethodsPolicy: methodsPolicy({ id: 'Sms', state: 'disabled' }) };

  it('the matrix shows Password + SMS unavailable when SMS is disabled', () => {
    const tenant = tenantWithUsers([smsUser], smsDisabled);
    const row = buildComparisonMatrix(tenant, request('u-sms')).rows.find((r) => r.flow.id === 'passwordSms');
    expect(row?.cells[2]?.outcome).toBe('unavailable');
  });

  it('blast radius counts the SMS user as unavailable for Password + SMS when SMS is disabled', () => {
    const options = {
      request: {
        signInContext: {
          '@odata.type': '#microsoft.graph.applicationContext' as const,
          includeApplications: [testAppId],
        },
        signInConditions: { ipAddress: '192.0.2.10' },
      },
      flows: [{ id: 'passwordSms', label: 'Password + SMS', methods: ['password', 'sms'] as const }],
    };
    const allowed = computeBlastRadius(tenantWithUsers([smsUser]), options);
    const disabled = computeBlastRadius(tenantWithUsers([smsUser], smsDisabled), options);
    expect(allowed.flows[0]?.users.granted).toContain('u-sms');
    expect(disabled.flows[0]?.users.unavailable).toContain('u-sms');
  });
});
