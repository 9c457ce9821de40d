import 'server-only';
// The request's client address (TRUSTED_PROXY_HOPS, lib/http/client-address.ts) and user agent, for rate
// limits and the audit log. The portal server appends the socket's peer to X-Forwarded-For.
import { clientAddressFrom, forwardedChainOf } from '@/lib/http/client-address';
import type { ClientAddress } from '../context/portal-context';

export function clientAddressOf(headers: Headers, trustedProxyHops: number): ClientAddress {
  return {
    ip: clientAddressFrom(forwardedChainOf(headers.get('x-forwarded-for')), trustedProxyHops),
    userAgent: headers.get('user-agent')?.slice(0, 400) ?? null,
  };
}
