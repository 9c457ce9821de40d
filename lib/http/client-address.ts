// Which address is the client's. `chain` is X-Forwarded-For as the portal received it, with the address of
// the connection's peer appended last (scripts/portal-server.ts does that). Each trusted reverse proxy
// appends the address it saw, so with N trusted hops the client is the (N+1)th entry from the right: the
// entries further left were written by the client and are ignored. With no proxy configured (0 hops) the
// socket's peer is the client and every forwarded entry is ignored. (RFC 7239 section 7.4; MDN
// X-Forwarded-For "Selecting an IP address": "use the rightmost trusted-proxy-count entries".)
const maxAddressLength = 64;

export function clientAddressFrom(chain: readonly string[], trustedProxyHops: number): string | null {
  const entries = chain.map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  // Fewer entries than hops: the request did not come through every proxy; the leftmost is the best guess.
  const candidate = entries[Math.max(0, entries.length - 1 - trustedProxyHops)] ?? null;
  return candidate && candidate.length <= maxAddressLength ? candidate : null;
}

export function forwardedChainOf(header: string | null | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}
