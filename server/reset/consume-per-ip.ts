import 'server-only';
import type { Limiter } from './reset-dependencies';

// Without a client address (see TRUSTED_PROXY_HOPS and lib/http/client-address.ts) every requester would
// share one bucket and a few users could lock everyone out; the per-account limits still apply then.
export async function consumePerIp(
  limiter: Limiter,
  ip: string | null,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  return ip ? limiter.consume(ip) : { allowed: true, retryAfterSeconds: 0 };
}
