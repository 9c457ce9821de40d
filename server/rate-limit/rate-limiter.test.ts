import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { createRateLimiter } = await import('./rate-limiter');

// ASVS5 6.3.1 / 2.4.1: limits hold; with REDIS_URL they hold across instances (real Redis on 127.0.0.1:6379).
describe('createRateLimiter', () => {
  it('allows up to `points` per window in memory, then refuses with a retry time', async () => {
    const limiter = createRateLimiter({
      keyPrefix: `t-mem-${Date.now()}`,
      points: 3,
      durationSeconds: 60,
      redisUrl: '',
    });
    const decisions = [];
    for (let i = 0; i < 4; i += 1) decisions.push(await limiter.consume('acct'));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions[3]?.retryAfterSeconds).toBeGreaterThan(0);
    expect((await limiter.consume('other')).allowed).toBe(true);
  });

  it('shares counts between two limiters through Redis', async () => {
    const prefix = `t-redis-${Date.now()}-${Math.random()}`;
    const a = createRateLimiter({
      keyPrefix: prefix,
      points: 2,
      durationSeconds: 60,
      redisUrl: 'redis://127.0.0.1:6379',
    });
    const b = createRateLimiter({
      keyPrefix: prefix,
      points: 2,
      durationSeconds: 60,
      redisUrl: 'redis://127.0.0.1:6379',
    });
    expect((await a.consume('k')).allowed).toBe(true);
    expect((await b.consume('k')).allowed).toBe(true);
    expect((await a.consume('k')).allowed).toBe(false);
    await a.reset('k');
    expect((await b.consume('k')).allowed).toBe(true);
  });
});

// Issue 12, finding 5: Redis down is an outage (503, nothing changed), never "too many attempts".
describe('a rate-limit store that refuses connections', () => {
  it('fails closed as UNAVAILABLE (temporarilyUnavailable), not as an over-the-limit decision', async () => {
    const limiter = createRateLimiter({
      keyPrefix: `t-down-${Date.now()}`,
      points: 5,
      durationSeconds: 60,
      redisUrl: 'redis://127.0.0.1:6409',
    });
    const started = Date.now();
    await expect(limiter.consume('acct')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      reason: 'temporarilyUnavailable',
      details: { dependency: 'redis' },
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
