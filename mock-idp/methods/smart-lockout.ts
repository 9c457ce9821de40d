// Entra smart lockout (howto-password-smart-lockout): by default 10 failed sign-ins lock the
// account for 1 minute; each further failure after a lockout locks it again for longer. The mock
// doubles the duration each time. A successful sign-in or an unlock clears the record.
import { z } from 'zod';
import type { Store } from '../store/store';

export type LockoutPolicy = { threshold: number; firstLockoutSeconds: number; maxLockoutSeconds: number };
export const defaultLockoutPolicy: LockoutPolicy = { threshold: 10, firstLockoutSeconds: 60, maxLockoutSeconds: 3600 };

const lockoutRecordSchema = z.looseObject({ failures: z.number(), lockouts: z.number(), lockedUntil: z.number() });
export type LockoutRecord = z.infer<typeof lockoutRecordSchema>;

const namespace = 'lockouts';

export function lockoutOf(store: Store, userId: string): LockoutRecord {
  return store.get(namespace, userId, lockoutRecordSchema) ?? { failures: 0, lockouts: 0, lockedUntil: 0 };
}

export function isLockedOut(store: Store, userId: string, now: number): boolean {
  return lockoutOf(store, userId).lockedUntil > now;
}

/** Records a wrong password; returns the record, locked when `lockedUntil > now`. */
export function recordFailedPassword(
  store: Store,
  userId: string,
  now: number,
  policy = defaultLockoutPolicy,
): LockoutRecord {
  const record = lockoutOf(store, userId);
  const failures = record.failures + 1;
  // After the first lockout, each further failure locks again (growing duration).
  const threshold = record.lockouts === 0 ? policy.threshold : 1;
  if (failures < threshold) {
    const next = { ...record, failures };
    store.put(namespace, userId, next);
    return next;
  }
  const seconds = Math.min(policy.firstLockoutSeconds * 2 ** record.lockouts, policy.maxLockoutSeconds);
  const next = { failures: 0, lockouts: record.lockouts + 1, lockedUntil: now + seconds * 1000 };
  store.put(namespace, userId, next);
  return next;
}

export function clearLockout(store: Store, userId: string): void {
  store.remove(namespace, userId);
}
