// The client a rate limit counts: an IPv4 address as it is, an IPv6 address by its /64 prefix. One IPv6
// subscriber or cloud VM usually holds a whole /64, so counting single IPv6 addresses would give an attacker
// 2^64 fresh budgets (RFC 6177 and RFC 6583: a /64 is the usual end-site assignment).
export function rateLimitClientOf(address: string | null): string | null {
  if (!address) return null;
  const ip = address.trim().toLowerCase();
  const mappedIpv4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(ip);
  if (mappedIpv4?.[1]) return mappedIpv4[1];
  if (!ip.includes(':')) return ip;
  const groups = expandedIpv6Groups(ip.split('%')[0] ?? ip);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : ip;
}

/** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
function expandedIpv6Groups(ip: string): string[] | null {
  const halves = ip.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string | undefined) => (part ? part.split(':') : []);
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  return groups.map((group) => group.replace(/^0+(?=.)/, ''));
}
