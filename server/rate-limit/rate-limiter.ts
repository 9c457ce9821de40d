import 'server-only';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { getConfig } from '../config';
import { dependencyUnavailable } from '../http/dependency-outage';

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

const redisClients = new Map<string, Redis>();

/** The process's one Redis connection per URL (rate limits; readiness pings it). */
export function redisClient(url: string): Redis {
  // One retry per command: a down Redis fails within a second. The 'error' listener keeps ioredis from
  // printing "Unhandled error event" on every reconnection attempt; the outage is reported per request.
  let client = redisClients.get(url);
  if (!client) {
    client = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
    client.on('error', () => undefined);
    redisClients.set(url, client);
  }
  return client;
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
        // A RateLimiterRes means "over the limit". Anything else is the store failing: still closed (nothing
        // proceeds), but as an outage (503, "nothing was changed"), never "too many attempts", and the
        // caller charges no failure for it (issue 12, finding 5).
        if (!(rejection instanceof RateLimiterRes)) throw dependencyUnavailable('redis');
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}
