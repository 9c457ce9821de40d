// The identity services a user can prove themselves with, and their default worth in stars (issue 4).
// Email is never an MFA factor (ASVS5 6.3.6) and SMS is a restricted authenticator (NIST SP 800-63B
// 5.1.3.3), hence the low defaults and the rule in star-scoring.ts.
import { isOneOf } from '../is-one-of';

export const identityServiceIds = ['entraMfa', 'passkey', 'totp', 'sms', 'email'] as const;
export type IdentityServiceId = (typeof identityServiceIds)[number];

export function isIdentityServiceId(value: unknown): value is IdentityServiceId {
  return isOneOf(identityServiceIds, value);
}

/** Services whose code goes to a channel of record (phone or mailbox), not to something the user holds. */
export const channelCodeServices: ReadonlySet<IdentityServiceId> = new Set(['sms', 'email']);

export const defaultServiceStars: Readonly<Record<IdentityServiceId, number>> = {
  entraMfa: 3,
  passkey: 3,
  totp: 2,
  sms: 1,
  email: 1,
};

export type ResetPurpose = 'reset' | 'unlock';
