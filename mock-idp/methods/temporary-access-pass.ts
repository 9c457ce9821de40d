// Temporary Access Pass (howto-authentication-temporary-access-pass): created through Graph,
// shown once, stored hashed, 10..43200 minutes, optionally usable once; a new pass replaces the old.
import crypto from 'node:crypto';
import { z } from 'zod';
import { bumpMethodsVersion } from './registered-methods';
import type { Store } from '../store/store';

const storedTemporaryAccessPassSchema = z.looseObject({
  id: z.string(),
  hash: z.string(),
  createdDateTime: z.string(),
  startDateTime: z.string(),
  lifetimeInMinutes: z.number(),
  isUsableOnce: z.boolean(),
  isUsed: z.boolean(),
});
export type StoredTemporaryAccessPass = z.infer<typeof storedTemporaryAccessPassSchema>;

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789@#$%&*+=?';

function hashPass(pass: string): string {
  return crypto.createHash('sha256').update(pass).digest('base64');
}

export function createTemporaryAccessPass(
  store: Store,
  userId: string,
  options: { lifetimeInMinutes: number; isUsableOnce: boolean; startDateTime?: string },
  now: number,
): { pass: string; method: StoredTemporaryAccessPass } {
  const pass = Array.from({ length: 10 }, () => alphabet[crypto.randomInt(alphabet.length)]).join('');
  const method: StoredTemporaryAccessPass = {
    id: crypto.randomUUID(),
    hash: hashPass(pass),
    createdDateTime: new Date(now).toISOString(),
    startDateTime: options.startDateTime ?? new Date(now).toISOString(),
    lifetimeInMinutes: options.lifetimeInMinutes,
    isUsableOnce: options.isUsableOnce,
    isUsed: false,
  };
  store.put('taps', userId, method);
  bumpMethodsVersion(store);
  return { pass, method };
}

export function temporaryAccessPassOf(store: Store, userId: string): StoredTemporaryAccessPass | undefined {
  return store.get('taps', userId, storedTemporaryAccessPassSchema);
}

export function isTemporaryAccessPassUsable(method: StoredTemporaryAccessPass, now: number): boolean {
  const start = Date.parse(method.startDateTime);
  const end = start + method.lifetimeInMinutes * 60_000;
  return !(method.isUsableOnce && method.isUsed) && now >= start && now < end;
}

/** Checks a pass; a one-time pass is consumed by consumeTemporaryAccessPass when the sign-in completes. */
export function verifyTemporaryAccessPass(
  store: Store,
  userId: string,
  pass: string,
  now: number,
): StoredTemporaryAccessPass | undefined {
  const method = temporaryAccessPassOf(store, userId);
  if (!method || !isTemporaryAccessPassUsable(method, now)) return undefined;
  const expected = Buffer.from(method.hash, 'base64');
  const actual = crypto.createHash('sha256').update(pass.trim()).digest();
  if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual)) return undefined;
  return method;
}

export function consumeTemporaryAccessPass(store: Store, userId: string): void {
  const method = temporaryAccessPassOf(store, userId);
  if (!method?.isUsableOnce || method.isUsed) return;
  store.put('taps', userId, { ...method, isUsed: true });
  bumpMethodsVersion(store);
}

export function deleteTemporaryAccessPass(store: Store, userId: string): void {
  store.remove('taps', userId);
  bumpMethodsVersion(store);
}
