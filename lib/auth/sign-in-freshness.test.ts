import { describe, expect, it } from 'vitest';
import { isSignInRecent, signInAgeSeconds } from './sign-in-freshness';

const now = new Date('2026-12-03T10:00:00Z');
const secondsAgo = (seconds: number) => Math.floor(now.getTime() / 1000) - seconds;

describe('sign-in freshness from auth_time (ASVS5 6.8.4)', () => {
  it('is recent up to the limit, stale after it, and never recent without auth_time', () => {
    expect(isSignInRecent(secondsAgo(600), now, 600)).toBe(true);
    expect(isSignInRecent(secondsAgo(601), now, 600)).toBe(false);
    expect(isSignInRecent(null, now, 600)).toBe(false);
    expect(isSignInRecent(undefined, now, 600)).toBe(false);
    expect(isSignInRecent(Number.NaN, now, 600)).toBe(false);
    expect(signInAgeSeconds(secondsAgo(-30), now)).toBe(0); // a clock slightly ahead is not negative age
  });
});
