import { describe, expect, it } from 'vitest';
import { defaultServiceStars, identityServiceIds } from './identity-services';
import { resetGuidance } from './reset-guidance';
import type { StarPolicy } from './star-scoring';
import { usernameProblem } from './username-problem';

const policy: StarPolicy = {
  stars: defaultServiceStars,
  enabledServices: [...identityServiceIds],
  resetThreshold: 3,
  unlockThreshold: 2,
  channelCodesCannotBypassMfa: true,
};

describe('reset guidance', () => {
  it('never shows more stars than required (3 of 3, not 4 of 3)', () => {
    const guidance = resetGuidance({
      purpose: 'reset',
      stars: 4,
      policy,
      verified: ['totp', 'sms', 'email'],
      isEntraMfaDemoted: false,
    });
    expect(guidance.shownStars).toBe(3);
    expect(guidance.missingStars).toBe(0);
    expect(guidance.cannotReachThreshold).toBe(false);
  });

  it('at 2 of 3 stars with only SMS and email enabled besides a demoted Entra MFA, says the threshold is out of reach', () => {
    const narrow: StarPolicy = { ...policy, enabledServices: ['entraMfa', 'sms', 'email'] };
    const guidance = resetGuidance({
      purpose: 'reset',
      stars: 2,
      policy: narrow,
      verified: ['sms', 'email'],
      isEntraMfaDemoted: true,
    });
    expect(guidance).toEqual({ shownStars: 2, missingStars: 1, remaining: ['entraMfa'], cannotReachThreshold: true });
  });

  it('the same session before trying Microsoft can still reach the threshold with Entra MFA', () => {
    const narrow: StarPolicy = { ...policy, enabledServices: ['entraMfa', 'sms', 'email'] };
    expect(
      resetGuidance({
        purpose: 'reset',
        stars: 2,
        policy: narrow,
        verified: ['sms', 'email'],
        isEntraMfaDemoted: false,
      }).cannotReachThreshold,
    ).toBe(false);
  });

  it('lists a demoted Entra MFA last among the remaining services', () => {
    expect(
      resetGuidance({ purpose: 'reset', stars: 0, policy, verified: [], isEntraMfaDemoted: true }).remaining,
    ).toEqual(['passkey', 'totp', 'sms', 'email', 'entraMfa']);
  });

  it('uses the unlock threshold for an unlock', () => {
    expect(
      resetGuidance({ purpose: 'unlock', stars: 1, policy, verified: ['sms'], isEntraMfaDemoted: false }).missingStars,
    ).toBe(1);
  });
});

describe('username problem', () => {
  it('says what is wrong with a refused username', () => {
    expect(usernameProblem('   ')).toBe('empty');
    expect(usernameProblem('adele')).toBe('missingAt');
    expect(usernameProblem('adele@')).toBe('format');
    expect(usernameProblem('a b@contoso.test')).toBe('format');
    expect(usernameProblem(`${'a'.repeat(260)}@contoso.test`)).toBe('tooLong');
    expect(usernameProblem(' adele.vance@contoso.test ')).toBeNull();
  });
});
