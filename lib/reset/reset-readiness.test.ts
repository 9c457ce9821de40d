import { describe, expect, it } from 'vitest';
import { classifyReadiness, modesOf } from './reset-readiness';

const granted = () => ({ outcome: 'granted' as const });

describe('reset readiness', () => {
  it('a passwordless Authenticator user whose sign-in the reset app grants is ready', () => {
    const modes = modesOf([
      { kind: 'password', isPasswordlessCapable: false },
      { kind: 'authenticator', isPasswordlessCapable: true },
    ]);
    expect(classifyReadiness(modes, granted)).toMatchObject({
      reason: 'ready',
      passwordlessModes: ['deviceBasedPush'],
    });
  });

  it('password + push is password-first: no reset with Entra MFA when the password is forgotten', () => {
    const modes = modesOf([
      { kind: 'password', isPasswordlessCapable: false },
      { kind: 'authenticator', isPasswordlessCapable: false },
    ]);
    expect(classifyReadiness(modes, granted).reason).toBe('passwordFirstSignIn');
  });

  it('password only is "no method registered"', () => {
    expect(classifyReadiness(modesOf([{ kind: 'password', isPasswordlessCapable: false }]), granted).reason).toBe(
      'noMethodRegistered',
    );
  });

  it('a passkey user blocked by a policy is "blocked by policy" with the policy named', () => {
    const modes = modesOf([{ kind: 'fido2', isPasswordlessCapable: true }]);
    expect(
      classifyReadiness(modes, () => ({ outcome: 'blocked', policy: 'Block reset from untrusted countries' })),
    ).toEqual({
      reason: 'blockedByPolicy',
      detail: 'Block reset from untrusted countries',
      passwordlessModes: ['fido2'],
    });
  });
});
