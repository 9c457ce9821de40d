// Sign-in flows: Microsoft's rules on first and second factors, when Conditional Access runs, registration
// interrupts and report-only (troubleshoot-authentication-strengths, concept-authentication-strength-how-it-works).
import { describe, expect, it } from 'vitest';
import { passwordlessStrengthId, phishingResistantStrengthId } from './built-in-authentication-strengths';
import { evaluateSignInFlow } from './sign-in-flow';
import { policy, request, tenantWith } from './test-tenant';

const passwordless = policy({ grantControls: { authenticationStrength: { id: passwordlessStrengthId } } });

describe('which flows a user can perform at all', () => {
  it('a method the user has not registered makes the flow unavailable', () => {
    const result = evaluateSignInFlow(tenantWith([]), request('u-member'), { methods: ['fido2'] });
    expect(result.outcome).toBe('unavailable');
    expect(result.reasons[0]?.code).toBe('methodNotRegistered');
  });
  it('a forgotten password makes every flow containing password unavailable, but not the others', () => {
    const t = tenantWith([]);
    expect(
      evaluateSignInFlow(t, request('u-passwordless'), {
        methods: ['password', 'microsoftAuthenticatorPush'],
        passwordForgotten: true,
      }).outcome,
    ).toBe('unavailable');
    expect(
      evaluateSignInFlow(t, request('u-passwordless'), { methods: ['deviceBasedPush'], passwordForgotten: true })
        .outcome,
    ).toBe('granted');
  });
  it('Authenticator push cannot start a sign-in', () => {
    const result = evaluateSignInFlow(tenantWith([]), request('u-member'), { methods: ['microsoftAuthenticatorPush'] });
    expect(result.outcome).toBe('unavailable');
    expect(result.reasons.map((r) => r.code)).toContain('notAFirstFactor');
  });
  it('phone sign-in cannot follow a password (restart with Sign-in options); FIDO2 can', () => {
    const phone = evaluateSignInFlow(tenantWith([]), request('u-passwordless'), {
      methods: ['password', 'deviceBasedPush'],
    });
    expect(phone.outcome).toBe('unavailable');
    expect(phone.reasons.map((r) => r.code)).toContain('restartWithSignInOptions');
    expect(
      evaluateSignInFlow(tenantWith([passwordless]), request('u-admin'), { methods: ['password', 'fido2'] }).outcome,
    ).toBe('granted');
  });
});

describe('Conditional Access after the first factor', () => {
  it('no policy: the first factor alone is enough', () => {
    const result = evaluateSignInFlow(tenantWith([]), request('u-password-only'), { methods: ['password'] });
    expect(result.outcome).toBe('granted');
    expect(result.reasons[0]?.code).toBe('noPolicyApplies');
  });
  it('a strength never stops the password being typed: the flow is interrupted after it, not unavailable', () => {
    const result = evaluateSignInFlow(tenantWith([passwordless]), request('u-admin'), { methods: ['password'] });
    expect(result.outcome).toBe('interrupted');
    expect(result.steps[0]?.kind).toBe('firstFactor');
    expect(result.missing[0]?.authenticationStrength?.id).toBe(passwordlessStrengthId);
    expect(result.satisfiableWith).toEqual([expect.objectContaining({ kind: 'addMethods', methods: ['fido2'] })]);
  });
  it('interrupted tells a phone sign-in user to restart with Sign-in options', () => {
    const result = evaluateSignInFlow(tenantWith([passwordless]), request('u-passwordless'), {
      methods: ['password', 'microsoftAuthenticatorPush'],
    });
    expect(result.outcome).toBe('interrupted');
    expect(result.satisfiableWith).toEqual([
      expect.objectContaining({ kind: 'restartWithSignInOptions', methods: ['deviceBasedPush'] }),
    ]);
  });
  it('offers registration in interrupt mode when the strength contains FIDO2', () => {
    const result = evaluateSignInFlow(tenantWith([passwordless]), request('u-member'), {
      methods: ['password', 'microsoftAuthenticatorPush'],
    });
    expect(result.outcome).toBe('interrupted');
    expect(result.satisfiableWith).toEqual([expect.objectContaining({ kind: 'registerMethod', methods: ['fido2'] })]);
  });
  it('blocks when no registered or registrable method can meet the strength', () => {
    const helloOnly = policy({
      grantControls: {
        authenticationStrength: {
          id: 'hello',
          displayName: 'Windows Hello only',
          allowedCombinations: ['windowsHelloForBusiness'],
        },
      },
    });
    const result = evaluateSignInFlow(tenantWith([helloOnly]), request('u-member'), {
      methods: ['password', 'microsoftAuthenticatorPush'],
    });
    expect(result.outcome).toBe('blocked');
    expect(result.reasons.map((r) => r.code)).toContain('noRegisteredMethodSatisfies');
  });
  it('a user without MFA meeting Require MFA is asked to register Authenticator (interrupt)', () => {
    const result = evaluateSignInFlow(tenantWith([policy()]), request('u-password-only'), { methods: ['password'] });
    expect(result.outcome).toBe('interrupted');
    expect(result.satisfiableWith[0]?.kind).toBe('registerMethod');
  });
});

describe('report-only policies (concept-conditional-access-report-only)', () => {
  it('are reported but never enforced', () => {
    const reportOnlyBlock = policy(
      { state: 'enabledForReportingButNotEnforced', grantControls: { builtInControls: ['block'] } },
      'ro',
    );
    const result = evaluateSignInFlow(tenantWith([reportOnlyBlock]), request('u-member'), { methods: ['password'] });
    expect(result.outcome).toBe('granted');
    expect(result.appliedPolicies.find((p) => p.id === 'ro')?.result).toBe('reportOnlyFailure');
  });
  it('report-only MFA not met by the flow is reportOnlyInterrupted, met is reportOnlySuccess', () => {
    const ro = policy({ state: 'enabledForReportingButNotEnforced' }, 'ro');
    const t = tenantWith([ro]);
    expect(evaluateSignInFlow(t, request('u-member'), { methods: ['password'] }).appliedPolicies[0]?.result).toBe(
      'reportOnlyInterrupted',
    );
    expect(
      evaluateSignInFlow(t, request('u-member'), { methods: ['password', 'microsoftAuthenticatorPush'] })
        .appliedPolicies[0]?.result,
    ).toBe('reportOnlySuccess');
  });
  it('enforced results are success, failure, notApplied and notEnabled', () => {
    const t = tenantWith([
      policy({}, 'a'),
      policy({ state: 'disabled' }, 'b'),
      policy({ conditions: { users: { includeUsers: ['None'] } } }, 'c'),
      policy({ grantControls: { authenticationStrength: { id: phishingResistantStrengthId } } }, 'd'),
    ]);
    const results = Object.fromEntries(
      evaluateSignInFlow(t, request('u-member'), {
        methods: ['password', 'microsoftAuthenticatorPush'],
      }).appliedPolicies.map((p) => [p.id, p.result]),
    );
    expect(results).toEqual({ a: 'success', b: 'notEnabled', c: 'notApplied', d: 'failure' });
  });
});

describe('explanations', () => {
  it('explains each step in order', () => {
    const result = evaluateSignInFlow(tenantWith([policy()]), request('u-member'), {
      methods: ['password', 'microsoftAuthenticatorPush'],
    });
    expect(result.steps.map((s) => s.kind)).toEqual([
      'firstFactor',
      'conditionalAccess',
      'additionalFactor',
      'policy',
      'outcome',
    ]);
  });
  it('rejects an empty flow as bad input', () => {
    expect(() => evaluateSignInFlow(tenantWith([]), request('u-member'), { methods: [] })).toThrow(/at least one/);
  });
});
