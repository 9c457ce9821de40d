// Grant controls (concept-conditional-access-grant) and authentication strengths (concept-authentication-strengths).
import { describe, expect, it } from 'vitest';
import { isStrengthMet, resolveStrength } from './authentication-strength-match';
import {
  builtInAuthenticationStrengths,
  multifactorStrengthId,
  passwordlessStrengthId,
  phishingResistantStrengthId,
} from './built-in-authentication-strengths';
import { evaluateGrantControls } from './evaluate-grant-controls';
import { maskOf } from './method-mask';
import { evaluateSignInFlow } from './sign-in-flow';
import { policy, request, tenantWith } from './test-tenant';
import type { AuthenticationMethodMode } from './authentication-method-mode';

const strength = (id: string) => resolveStrength(builtInAuthenticationStrengths.find((s) => s.id === id)!);
const meets = (id: string, methods: AuthenticationMethodMode[]) => isStrengthMet(strength(id), maskOf(methods));

describe('built-in authentication strengths: a combination contained in the methods used meets it', () => {
  it('password + Authenticator push meets Multifactor authentication, not Passwordless or Phishing-resistant', () => {
    expect(meets(multifactorStrengthId, ['password', 'microsoftAuthenticatorPush'])).toBe(true);
    expect(meets(passwordlessStrengthId, ['password', 'microsoftAuthenticatorPush'])).toBe(false);
    expect(meets(phishingResistantStrengthId, ['password', 'microsoftAuthenticatorPush'])).toBe(false);
  });
  it('Authenticator phone sign-in meets Passwordless but not Phishing-resistant', () => {
    expect(meets(passwordlessStrengthId, ['deviceBasedPush'])).toBe(true);
    expect(meets(phishingResistantStrengthId, ['deviceBasedPush'])).toBe(false);
  });
  it('FIDO2 and Windows Hello meet all three', () => {
    for (const id of [multifactorStrengthId, passwordlessStrengthId, phishingResistantStrengthId]) {
      expect(meets(id, ['fido2'])).toBe(true);
      expect(meets(id, ['windowsHelloForBusiness'])).toBe(true);
    }
  });
  it('a password alone or SMS alone meets none; extra methods never hurt', () => {
    expect(meets(multifactorStrengthId, ['password'])).toBe(false);
    expect(meets(multifactorStrengthId, ['sms'])).toBe(false);
    expect(meets(passwordlessStrengthId, ['password', 'fido2'])).toBe(true);
  });
  it('a one-time Temporary Access Pass meets Multifactor authentication only', () => {
    expect(meets(multifactorStrengthId, ['temporaryAccessPassOneTime'])).toBe(true);
    expect(meets(passwordlessStrengthId, ['temporaryAccessPassOneTime'])).toBe(false);
  });
});

const flow = (
  policies: Record<string, unknown>[],
  user: string,
  methods: AuthenticationMethodMode[],
  conditions: Record<string, unknown> = {},
) => evaluateSignInFlow(tenantWith(policies), request(user, conditions), { methods });
const grant = (g: Record<string, unknown>, id = 'p1') => policy({ grantControls: g }, id);

describe('grant controls', () => {
  it('block wins over everything, even a satisfied MFA policy', () => {
    const result = flow([grant({ builtInControls: ['mfa'] }), grant({ builtInControls: ['block'] }, 'p2')], 'u-admin', [
      'fido2',
    ]);
    expect(result.outcome).toBe('blocked');
    expect(result.reasons[0]?.code).toBe('blockedByPolicy');
  });
  it('mfa is met by any multifactor combination', () => {
    expect(
      flow([grant({ builtInControls: ['mfa'] })], 'u-member', ['password', 'microsoftAuthenticatorPush']).outcome,
    ).toBe('granted');
    expect(flow([grant({ builtInControls: ['mfa'] })], 'u-admin', ['fido2']).outcome).toBe('granted');
    expect(flow([grant({ builtInControls: ['mfa'] })], 'u-member', ['password']).outcome).toBe('interrupted');
  });
  it('compliantDevice depends on deviceInfo.isCompliant', () => {
    const p = grant({ builtInControls: ['compliantDevice'] });
    expect(flow([p], 'u-member', ['password'], { deviceInfo: { isCompliant: true } }).outcome).toBe('granted');
    expect(flow([p], 'u-member', ['password'], { deviceInfo: { isCompliant: false } }).outcome).toBe('blocked');
    expect(flow([p], 'u-member', ['password']).outcome).toBe('blocked');
  });
  it('domainJoinedDevice needs a hybrid joined device (trustType ServerAD)', () => {
    const p = grant({ builtInControls: ['domainJoinedDevice'] });
    expect(flow([p], 'u-member', ['password'], { deviceInfo: { trustType: 'ServerAD' } }).outcome).toBe('granted');
    expect(flow([p], 'u-member', ['password'], { deviceInfo: { trustType: 'AzureAD' } }).outcome).toBe('blocked');
  });
  it('OR needs one control, AND needs all (Microsoft: "require one of the selected controls")', () => {
    const controls = ['mfa', 'compliantDevice'];
    const compliant = { deviceInfo: { isCompliant: true } };
    expect(
      flow([grant({ operator: 'OR', builtInControls: controls })], 'u-member', ['password'], compliant).outcome,
    ).toBe('granted');
    expect(
      flow([grant({ operator: 'AND', builtInControls: controls })], 'u-member', ['password'], compliant).outcome,
    ).toBe('interrupted');
    expect(
      flow(
        [grant({ operator: 'AND', builtInControls: controls })],
        'u-member',
        ['password', 'microsoftAuthenticatorPush'],
        compliant,
      ).outcome,
    ).toBe('granted');
    expect(
      flow([grant({ operator: 'AND', builtInControls: controls })], 'u-member', [
        'password',
        'microsoftAuthenticatorPush',
      ]).outcome,
    ).toBe('blocked');
  });
  it('the operator defaults to AND', () => {
    expect(
      flow(
        [grant({ builtInControls: ['mfa', 'compliantDevice'] })],
        'u-member',
        ['password', 'microsoftAuthenticatorPush'],
        { deviceInfo: { isCompliant: true } },
      ).outcome,
    ).toBe('granted');
    expect(
      flow([grant({ builtInControls: ['mfa', 'compliantDevice'] })], 'u-member', [
        'password',
        'microsoftAuthenticatorPush',
      ]).outcome,
    ).toBe('blocked');
  });
  it('approved client app and app protection policy are met only when the caller says so', () => {
    const p = grant({ operator: 'OR', builtInControls: ['approvedApplication', 'compliantApplication'] });
    const t = tenantWith([p]);
    expect(evaluateSignInFlow(t, request('u-member'), { methods: ['password'] }).outcome).toBe('blocked');
    expect(
      evaluateSignInFlow(t, request('u-member'), { methods: ['password'], hasAppProtectionPolicy: true }).outcome,
    ).toBe('granted');
  });
  it('terms of use interrupt until accepted', () => {
    const p = grant({ builtInControls: [], termsOfUse: ['tou-1'] });
    const t = tenantWith([p]);
    expect(evaluateSignInFlow(t, request('u-member'), { methods: ['password'] }).outcome).toBe('interrupted');
    expect(
      evaluateSignInFlow(t, request('u-member'), { methods: ['password'], acceptedTermsOfUse: ['tou-1'] }).outcome,
    ).toBe('granted');
  });
  it('password change (user risk) interrupts: the user changes the password after MFA', () => {
    const p = policy({
      conditions: { userRiskLevels: ['high'], applications: { includeApplications: ['All'] } },
      grantControls: { operator: 'AND', builtInControls: ['mfa', 'passwordChange'] },
    });
    const t = tenantWith([p]);
    const risky = request('u-member', { userRiskLevel: 'high' });
    const result = evaluateSignInFlow(t, risky, { methods: ['password', 'microsoftAuthenticatorPush'] });
    expect(result.outcome).toBe('interrupted');
    expect(result.missing.map((m) => m.requirement)).toEqual(['passwordChange']);
    expect(
      evaluateSignInFlow(t, risky, { methods: ['password', 'microsoftAuthenticatorPush'], hasChangedPassword: true })
        .outcome,
    ).toBe('granted');
  });
  it('a custom strength lists its own combinations', () => {
    const custom = {
      id: 'custom-1',
      displayName: 'FIDO2 or password + SMS',
      policyType: 'custom',
      allowedCombinations: ['fido2', 'password,sms'],
    };
    const p = grant({ authenticationStrength: custom });
    expect(flow([p], 'u-member', ['password', 'microsoftAuthenticatorPush']).outcome).not.toBe('granted');
    expect(flow([p], 'u-admin', ['fido2']).outcome).toBe('granted');
  });
  it('several strengths must all be met (concept-authentication-strength-how-it-works)', () => {
    const a = grant({ authenticationStrength: { id: multifactorStrengthId } }, 'p1');
    const b = grant({ authenticationStrength: { id: phishingResistantStrengthId } }, 'p2');
    expect(flow([a, b], 'u-member', ['password', 'microsoftAuthenticatorPush']).outcome).not.toBe('granted');
    expect(flow([a, b], 'u-admin', ['fido2']).outcome).toBe('granted');
  });
  it('legacy clients cannot do MFA: an applicable MFA policy blocks them', () => {
    const p = policy({ conditions: { clientAppTypes: ['all'] } });
    const result = flow([p], 'u-member', ['password'], { clientAppType: 'other' });
    expect(result.outcome).toBe('blocked');
    expect(result.reasons.map((r) => r.code)).toContain('legacyClientCannotMfa');
  });
});

describe('evaluateGrantControls summary', () => {
  it('lists requirements in Entra order with session controls', () => {
    const p1 = grant({ builtInControls: ['compliantDevice'] }, 'p1');
    const p2 = policy(
      { sessionControls: { signInFrequency: { isEnabled: true, frequencyInterval: 'everyTime' } } },
      'p2',
    );
    const p3 = policy(
      {
        sessionControls: {
          signInFrequency: { isEnabled: true, value: 4, type: 'hours', frequencyInterval: 'timeBased' },
          persistentBrowser: { isEnabled: true, mode: 'never' },
        },
      },
      'p3',
    );
    const summary = evaluateGrantControls(tenantWith([p1, p2, p3]), request('u-member'), { methods: ['password'] });
    expect(summary.requirements).toEqual(['multifactor authentication', 'a device marked as compliant']);
    expect(summary.isSatisfied).toBe(false);
    expect(summary.sessionControls.signInFrequency?.frequencyInterval).toBe('everyTime');
    expect(summary.sessionControls.persistentBrowser?.mode).toBe('never');
  });
});
