// What the service list tells a user who is short of stars: how many are missing, which services are left,
// and whether those can still get there. The list is the same for every username, so this looks only at the
// session's own verifications and the admin's star policy, never at what the account has registered.
import type { IdentityServiceId, ResetPurpose } from './identity-services';
import type { StarPolicy } from './star-scoring';

export type ResetGuidance = {
  /** Stars to show: never more than required ("3 of 3", not "4 of 3"). */
  shownStars: number;
  missingStars: number;
  /** Enabled services not verified yet, Entra MFA last once the user came back from it without success. */
  remaining: IdentityServiceId[];
  /** Even every remaining service together would not reach the threshold: only the service desk can help. */
  cannotReachThreshold: boolean;
};

export function resetGuidance(input: {
  purpose: ResetPurpose;
  stars: number;
  policy: StarPolicy;
  verified: readonly IdentityServiceId[];
  /** The user went to Microsoft and came back without Entra MFA: do not count on it again this session. */
  isEntraMfaDemoted: boolean;
}): ResetGuidance {
  const required = input.purpose === 'reset' ? input.policy.resetThreshold : input.policy.unlockThreshold;
  const remaining = input.policy.enabledServices.filter((service) => !input.verified.includes(service));
  const counted = remaining.filter((service) => !(service === 'entraMfa' && input.isEntraMfaDemoted));
  const reachable =
    input.stars + counted.reduce((total, service) => total + Math.max(0, input.policy.stars[service]), 0);
  const ordered = input.isEntraMfaDemoted
    ? [
        ...remaining.filter((service) => service !== 'entraMfa'),
        ...remaining.filter((service) => service === 'entraMfa'),
      ]
    : remaining;
  return {
    shownStars: Math.min(input.stars, required),
    missingStars: Math.max(0, required - input.stars),
    remaining: ordered,
    cannotReachThreshold: input.stars < required && reachable < required,
  };
}
