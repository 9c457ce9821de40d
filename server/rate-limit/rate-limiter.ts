import 'server-only';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { getConfig } from '../config';

// Rate limits with rate-limiter-flexible: in memory for one portal instance (the embedded default), in
// Redis when REDIS_URL is set so several instances share one count (ASVS5 6.3.1, 2.4.1: no flooding).
export type RateLimitDecision = { allowed: boolean; retryAfterSeconds: number };
export type RateLimiter = {
  consume: (key: string, points?: number) => Promise<RateLimitDecision>;
  reset: (key: string) => Promise<void>;
};
export type RateLimiterOptions = {
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  blockSeconds?: number;
  redisUrl?: string;
};

let sharedRedis: Redis | undefined;

function redisClient(url: string): Redis {
  // One retry per command: a down Redis fails within a second and the limiter fails closed ("not allowed").
  sharedRedis ??= new Redis(url, { maxRetriesPerRequest: 1 });
  return sharedRedis;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const redisUrl = options.redisUrl ?? getConfig().REDIS_URL;
  const common = {
    keyPrefix: `verity:${options.keyPrefix}`,
    points: options.points,
    duration: options.durationSeconds,
    blockDuration: options.blockSeconds ?? 0,
  };
  const limiter: RateLimiterAbstract = redisUrl
    ? new RateLimiterRedis({ ...common, storeClient: redisClient(redisUrl) })
    : new RateLimiterMemory(common);
  return {
    async consume(key, points = 1) {
      try {
        await limiter.consume(key, points);
        return { allowed: true, retryAfterSeconds: 0 };
      } catch (rejection) {
        // A RateLimiterRes means "over the limit"; anything else is a store failure, which fails closed.
        const retryMs = rejection instanceof RateLimiterRes ? rejection.msBeforeNext : 60_000;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)) };
      }
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}
