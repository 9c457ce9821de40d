import { describe, expect, it } from 'vitest';
import { cachedAppToken, tokenRefreshMarginMs, type AcquiredToken } from './app-token-cache';

function counting(tokens: AcquiredToken[]) {
  const calls = { count: 0 };
  const acquire = async () => {
    const token = tokens[Math.min(calls.count, tokens.length - 1)];
    calls.count += 1;
    if (!token) throw new Error('no token');
    return token;
  };
  return { acquire, calls };
}

describe('the app-only Graph token kept in the process', () => {
  const t0 = Date.parse('2026-12-04T10:00:00Z');
  const hour = (token: string, from = t0) => ({ accessToken: token, expiresOn: new Date(from + 3_600_000) });

  it('is asked of msal once while valid, and again once it is within the refresh margin of its expiry', async () => {
    let now = t0;
    const { acquire, calls } = counting([hour('first'), hour('second', t0 + 3_600_000)]);
    const token = cachedAppToken(acquire, () => now);
    expect(await token()).toBe('first');
    now = t0 + 3_600_000 - tokenRefreshMarginMs - 1;
    expect(await token()).toBe('first');
    expect(calls.count).toBe(1);
    now = t0 + 3_600_000 - tokenRefreshMarginMs;
    expect(await token()).toBe('second');
    expect(calls.count).toBe(2);
  });

  it('shares one acquisition among concurrent callers', async () => {
    const { acquire, calls } = counting([hour('only')]);
    const token = cachedAppToken(acquire, () => t0);
    expect(await Promise.all(Array.from({ length: 50 }, () => token()))).toEqual(Array(50).fill('only'));
    expect(calls.count).toBe(1);
  });

  it('keeps nothing after a failure or without an expiry: the next call asks again', async () => {
    let isFailing = true;
    let count = 0;
    const token = cachedAppToken(
      async () => {
        count += 1;
        if (isFailing) throw new Error('unreachable');
        return { accessToken: `t${count}`, expiresOn: null };
      },
      () => t0,
    );
    await expect(token()).rejects.toThrow('unreachable');
    isFailing = false;
    expect(await token()).toBe('t2');
    expect(await token()).toBe('t3');
  });
});
