import type { Limiter } from './reset-dependencies';

// Without a client address (no reverse proxy header, see http/request-origin.ts) every requester would
// share one bucket and a few users could lock everyone out; the per-account limits still apply then.
export async function consumePerIp(
  limiter: Limiter,
  ip: string | null,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  return ip ? limiter.consume(ip) : { allowed: true, retryAfterSeconds: 0 };
}
