// IPv4/IPv6 parsing and CIDR matching for named locations (location-condition: "IPv4 and IPv6 address ranges").
// Hand-written on purpose: `ipaddr.js` is not installed, node:net is off limits in lib/ (pure, browser-safe),
// and all we need is "parse strictly, compare a prefix", about sixty lines.

export type IpAddress = Uint8Array; // 4 bytes (IPv4) or 16 bytes (IPv6)
export type CidrRange = { bytes: IpAddress; prefixLength: number };

const ipv4Part = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const ipv6Group = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4(text: string): IpAddress | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = parts[i] ?? '';
    if (!ipv4Part.test(part)) return null;
    bytes[i] = Number(part);
  }
  return bytes;
}

function parseIpv6(text: string): IpAddress | null {
  if (text.length > 45 || text.includes(':::')) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const toGroups = (half: string): number[] | null => {
    if (half === '') return [];
    const groups: number[] = [];
    const pieces = half.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] ?? '';
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (!v4) return null;
        groups.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      } else if (ipv6Group.test(piece)) groups.push(parseInt(piece, 16));
      else return null;
    }
    return groups;
  };
  const head = toGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? toGroups(halves[1] ?? '') : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    bytes[i * 2] = group >> 8;
    bytes[i * 2 + 1] = group & 0xff;
  });
  return bytes;
}

/** Parses a literal IPv4 or IPv6 address; null when it is not one (no hostnames, no zone ids). */
export function parseIpAddress(text: string): IpAddress | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

/** Parses "203.0.113.0/24" or "2001:db8::/32"; null on any defect (bad address, missing or out-of-range prefix). */
export function parseCidr(text: string): CidrRange | null {
  if (typeof text !== 'string') return null;
  const slash = text.indexOf('/');
  if (slash < 0 || slash !== text.lastIndexOf('/')) return null;
  const bytes = parseIpAddress(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!bytes || !/^\d{1,3}$/.test(prefixText)) return null;
  const prefixLength = Number(prefixText);
  if (prefixLength > bytes.length * 8) return null;
  return { bytes, prefixLength };
}

/** True when the address lies inside the range; IPv4 never matches an IPv6 range and vice versa. */
export function isAddressInRange(address: IpAddress, range: CidrRange): boolean {
  if (address.length !== range.bytes.length) return false;
  let bits = range.prefixLength;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((address[i] ?? 0) & mask) !== ((range.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** Formats an address back to text (IPv6 uncompressed); used to pick sample addresses for scenarios. */
export function formatIpAddress(address: IpAddress): string {
  if (address.length === 4) return Array.from(address).join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((address[i] ?? 0) << 8) | (address[i + 1] ?? 0)).toString(16));
  return groups.join(':');
}
