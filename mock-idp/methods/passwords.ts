// Password storage for the mock's users: a scrypt hash per user in the store. A user with no
// stored hash still has the demo password from mock-only demo-credentials.json.
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Store } from '../store/store';

const storedPasswordSchema = z.looseObject({
  salt: z.string(),
  hash: z.string(),
  changedAt: z.number(),
  forceChangePasswordNextSignIn: z.boolean(),
});
type StoredPassword = z.infer<typeof storedPasswordSchema>;

function hashPassword(password: string, salt: Buffer): Buffer {
  return crypto.scryptSync(password, salt, 32, { N: 1024 });
}

export function setPassword(store: Store, userId: string, password: string, now: number, forceChange = false): void {
  const salt = crypto.randomBytes(16);
  store.put('passwords', userId, {
    salt: salt.toString('base64'),
    hash: hashPassword(password, salt).toString('base64'),
    changedAt: now,
    forceChangePasswordNextSignIn: forceChange,
  } satisfies StoredPassword);
}

/** When the password was last set (Graph user lastPasswordChangeDateTime), or null for the demo password. */
export function passwordChangedAt(store: Store, userId: string): number | null {
  return store.get('passwords', userId, storedPasswordSchema)?.changedAt ?? null;
}

export function isPasswordCorrect(store: Store, userId: string, password: string, demoPassword: string): boolean {
  const stored = store.get('passwords', userId, storedPasswordSchema);
  if (!stored) {
    const a = Buffer.from(password);
    const b = Buffer.from(demoPassword);
    return a.length === b.length && crypto.timingSafeEqual(a, b);
  }
  const actual = hashPassword(password, Buffer.from(stored.salt, 'base64'));
  return crypto.timingSafeEqual(actual, Buffer.from(stored.hash, 'base64'));
}

/**
 * Graph `PATCH /users/{id}` with only `passwordProfile.forceChangePasswordNextSignIn` (no password): the
 * service desk's "require a password change at next sign-in". Keeps the current password (the demo one
 * when none was set) and records the flag; the mock records it but does not yet enforce it at sign-in.
 */
export function requirePasswordChange(store: Store, userId: string, currentDemoPassword: string, now: number): void {
  const stored = store.get('passwords', userId, storedPasswordSchema);
  if (!stored) return setPassword(store, userId, currentDemoPassword, now, true);
  store.put('passwords', userId, { ...stored, forceChangePasswordNextSignIn: true } satisfies StoredPassword);
}

export function isPasswordChangeRequired(store: Store, userId: string): boolean {
  return store.get('passwords', userId, storedPasswordSchema)?.forceChangePasswordNextSignIn ?? false;
}
