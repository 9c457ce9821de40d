import 'server-only';
// Random values and their stored forms. Session tokens and codes come from the CSPRNG (ASVS5 6.5.1,
// NIST SP 800-63B 5.1.3.2) and only their keyed hashes are stored (ASVS5 6.5.2), so a database copy
// yields neither a usable session nor a code.
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A reset-session bearer token (256 bits) for the cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** 8 random digits: 26.6 bits, above the 20 bits ASVS5 6.5.1 asks for a numeric code. */
export function newNumericCode(): string {
  return Array.from({ length: 8 }, () => randomInt(0, 10)).join('');
}

export function keyedHash(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}\u0000${value}`).digest('base64url');
}

export function hashesMatch(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The database id of a reset session: a keyed hash of its bearer token. */
export function sessionIdFor(secret: string, token: string): string {
  return keyedHash(secret, 'reset-session', token);
}

/**
 * A reference that correlates the audit entries of one reset attempt. Not the row id: the id follows the
 * bearer token, which is renewed after every verification step (ASVS5 7.2.4), while this stays the same.
 * Built from what never changes in the row, hashed so the audit log does not repeat the username here.
 */
export function resetSessionReference(row: { purpose: string; username: string; createdAt: Date }): string {
  return createHash('sha256')
    .update(`reset-session-reference\u0000${row.purpose}\u0000${row.username}\u0000${row.createdAt.toISOString()}`)
    .digest('base64url')
    .slice(0, 12);
}
