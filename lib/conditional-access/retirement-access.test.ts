import { describe, expect, it } from 'vitest';
import { compileTenant } from './compile-tenant';
import { parseTenant } from './parse-input';
import { dayBefore, findRetirementAccess, flowsFromMethods } from './retirement-access';
import { otherAppId, policy, rawTenant, testAppId } from './test-tenant';

// The test app requires MFA (policy()); the other app only a password.
function compiled(asOf: string) {
  const raw = rawTenant([policy()]);
  raw.users.push(
    {
      id: 'u-sms',
      userPrincipalName: 'sms@contoso.test',
      displayName: 'SMS',
      authenticationMethods: ['password'],
      phoneMethods: [{ phoneNumber: '+33 6 00 00 00 00', phoneType: 'mobile' }],
    },
    {
      id: 'u-sms-push',
      userPrincipalName: 'smspush@contoso.test',
      displayName: 'SMS and push',
      authenticationMethods: ['password', 'sms', 'microsoftAuthenticatorPush'],
    },
  );
  return compileTenant(parseTenant(raw, 'tenant.json'), { asOf });
}

describe('retirement access: who loses reset or sign-in on the date', () => {
  const date = '2027-02-01';
  const impacts = findRetirementAccess(compiled(dayBefore(date)), compiled(date), { resetApplicationId: testAppId });

  it('a user whose only second factors are SMS and voice loses reset and the MFA app, and should register a passkey', () => {
    expect(impacts.find((i) => i.userId === 'u-sms')).toEqual({
      userId: 'u-sms',
      userPrincipalName: 'sms@contoso.test',
      retiredMethods: ['sms', 'voice'],
      usableMethods: ['password'],
      keepsMultifactor: false,
      register: ['fido2', 'microsoftAuthenticatorPush', 'softwareOath'],
      // With the password forgotten nothing is left for the reset application (it needs MFA).
      canResetBefore: false,
      canResetAfter: false,
      // The app without a policy still takes the password alone.
      lostApplicationIds: [testAppId],
    });
  });

  it('a user with Authenticator besides SMS keeps access and is told nothing to register', () => {
    expect(impacts.find((i) => i.userId === 'u-sms-push')).toMatchObject({
      retiredMethods: ['sms'],
      keepsMultifactor: true,
      register: [],
      lostApplicationIds: [],
    });
    expect(impacts.map((i) => i.userId)).not.toContain('u-member');
  });

  it('the day before the date nothing is retired', () => {
    expect(findRetirementAccess(compiled('2027-01-30'), compiled('2027-01-31'))).toEqual([]);
  });

  it('flows come from the methods: first factors alone, the password with each second factor', () => {
    expect(flowsFromMethods(['password', 'sms', 'fido2', 'deviceBasedPush']).map((f) => f.methods.join('+'))).toEqual([
      'password',
      'sms',
      'fido2',
      'deviceBasedPush',
      'password+sms',
      'password+fido2',
    ]);
    expect(dayBefore('2027-03-01')).toBe('2027-02-28');
  });

  it('SMS sign-in to a reset application without a policy works the day before and not on the date', () => {
    const open = findRetirementAccess(compiled(dayBefore(date)), compiled(date), { resetApplicationId: otherAppId });
    expect(open.find((i) => i.userId === 'u-sms')).toMatchObject({ canResetBefore: true, canResetAfter: false });
  });
});
