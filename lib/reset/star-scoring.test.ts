import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultServiceStars, identityServiceIds, type IdentityServiceId } from './identity-services';
import { scoreVerifications, type StarPolicy } from './star-scoring';

const policy: StarPolicy = {
  stars: defaultServiceStars,
  enabledServices: [...identityServiceIds],
  resetThreshold: 3,
  unlockThreshold: 2,
  channelCodesCannotBypassMfa: true,
};

describe('star scoring', () => {
  it('Entra MFA alone (3 stars) is enough to reset', () => {
    expect(scoreVerifications({ purpose: 'reset', verified: ['entraMfa'], policy, hasMfaRegistered: true })).toEqual({
      stars: 3,
      required: 3,
      isEnough: true,
      isHeldBackByMfaRule: false,
    });
  });

  it('SMS + TOTP reach the reset threshold', () => {
    expect(
      scoreVerifications({ purpose: 'reset', verified: ['sms', 'totp'], policy, hasMfaRegistered: true }).isEnough,
    ).toBe(true);
  });

  it('a service verified twice counts once', () => {
    expect(
      scoreVerifications({ purpose: 'reset', verified: ['sms', 'sms', 'sms'], policy, hasMfaRegistered: false }).stars,
    ).toBe(1);
  });

  it('a reset never bypasses MFA: email and SMS alone never reach the reset threshold when the user has MFA registered', () => {
    const generous: StarPolicy = { ...policy, stars: { ...defaultServiceStars, sms: 2, email: 2 } };
    const score = scoreVerifications({
      purpose: 'reset',
      verified: ['sms', 'email'],
      policy: generous,
      hasMfaRegistered: true,
    });
    expect(score).toEqual({ stars: 4, required: 3, isEnough: false, isHeldBackByMfaRule: true });
    // Without MFA registered, or with the rule turned off, the same codes are enough.
    expect(
      scoreVerifications({ purpose: 'reset', verified: ['sms', 'email'], policy: generous, hasMfaRegistered: false })
        .isEnough,
    ).toBe(true);
    expect(
      scoreVerifications({
        purpose: 'reset',
        verified: ['sms', 'email'],
        policy: { ...generous, channelCodesCannotBypassMfa: false },
        hasMfaRegistered: true,
      }).isEnough,
    ).toBe(true);
  });

  it('unlock needs fewer stars and is not held by the MFA rule', () => {
    expect(
      scoreVerifications({ purpose: 'unlock', verified: ['sms', 'email'], policy, hasMfaRegistered: true }),
    ).toMatchObject({ stars: 2, required: 2, isEnough: true });
  });

  it('disabled services earn nothing', () => {
    expect(
      scoreVerifications({
        purpose: 'reset',
        verified: ['entraMfa'],
        policy: { ...policy, enabledServices: ['sms', 'totp'] },
        hasMfaRegistered: true,
      }).stars,
    ).toBe(0);
  });

  it('property: with MFA registered, no combination of channel codes alone is ever enough to reset', () => {
    const channel = fc.subarray<IdentityServiceId>(['sms', 'email']);
    const stars = fc.record({
      entraMfa: fc.nat(10),
      passkey: fc.nat(10),
      totp: fc.nat(10),
      sms: fc.nat(10),
      email: fc.nat(10),
    });
    fc.assert(
      fc.property(channel, stars, fc.integer({ min: 0, max: 20 }), (verified, table, threshold) => {
        const score = scoreVerifications({
          purpose: 'reset',
          verified,
          policy: { ...policy, stars: table, resetThreshold: threshold },
          hasMfaRegistered: true,
        });
        if (threshold > 0 || verified.length > 0) expect(score.isEnough && verified.length > 0).toBe(false);
      }),
    );
  });
});
