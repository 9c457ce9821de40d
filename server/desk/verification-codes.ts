import 'server-only';
// Read-back codes sent by SMS or email to the contact of record: CSPRNG, 6 digits (about 20 bits), kept
// only as an HMAC, single use, 10 minutes, 3 tries (ASVS5 6.5.1-6.5.5, 6.6.3; NIST SP 800-63B 5.1.3.2).
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export function newVerificationCode(digits: number): string {
  return String(randomInt(0, 10 ** digits)).padStart(digits, '0');
}

/** Bound to the verification it was issued for, so a code cannot be replayed in another attempt. */
export function hashVerificationCode(key: string, verificationId: string, code: string): string {
  return createHmac('sha256', key).update(`${verificationId}:${code}`).digest('hex');
}

export function isVerificationCodeCorrect(
  key: string,
  verificationId: string,
  code: string,
  storedHash: string,
): boolean {
  const actual = Buffer.from(hashVerificationCode(key, verificationId, code), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
