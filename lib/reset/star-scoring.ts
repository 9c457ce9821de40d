// Stars earned by verified identity services, and whether they are enough for a reset or an unlock.
// "A reset never bypasses MFA" (ASVS5 6.4.3): when the user has MFA registered in Entra, codes sent to
// the phone or mailbox of record (SMS, email) never reach the reset threshold on their own; at least one
// service the user holds (Entra MFA, a portal passkey or TOTP) must be among the verified ones.
import { channelCodeServices, type IdentityServiceId, type ResetPurpose } from './identity-services';

export type StarPolicy = {
  stars: Readonly<Record<IdentityServiceId, number>>;
  enabledServices: readonly IdentityServiceId[];
  resetThreshold: number;
  unlockThreshold: number;
  /** The MFA rule above; on by default. */
  channelCodesCannotBypassMfa: boolean;
};

export type StarScore = {
  stars: number;
  required: number;
  isEnough: boolean;
  /** The stars would suffice but the MFA rule holds the reset back. */
  isHeldBackByMfaRule: boolean;
};

export function scoreVerifications(input: {
  purpose: ResetPurpose;
  verified: readonly IdentityServiceId[];
  policy: StarPolicy;
  hasMfaRegistered: boolean;
}): StarScore {
  const { purpose, policy } = input;
  // A service counts once however many times it was verified, and only while the admin enables it.
  const verified = [...new Set(input.verified)].filter((service) => policy.enabledServices.includes(service));
  const stars = verified.reduce((total, service) => total + Math.max(0, policy.stars[service]), 0);
  const required = purpose === 'reset' ? policy.resetThreshold : policy.unlockThreshold;
  const hasHeldService = verified.some((service) => !channelCodeServices.has(service));
  const isHeldBackByMfaRule =
    purpose === 'reset' &&
    policy.channelCodesCannotBypassMfa &&
    input.hasMfaRegistered &&
    !hasHeldService &&
    stars >= required;
  return { stars, required, isEnough: stars >= required && !isHeldBackByMfaRule, isHeldBackByMfaRule };
}
