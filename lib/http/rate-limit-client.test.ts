import { describe, expect, it } from 'vitest';
import { rateLimitClientOf } from './rate-limit-client';

describe('rateLimitClientOf: the client a rate limit counts', () => {
  it('counts an IPv4 address as it is, also when IPv4-mapped', () => {
    expect(rateLimitClientOf('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitClientOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts every address of one IPv6 /64 as one client', () => {
    const client = rateLimitClientOf('2001:db8:1:2::1');
    expect(client).toBe('2001:db8:1:2::/64');
    expect(rateLimitClientOf('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe(client);
    expect(rateLimitClientOf('2001:db8:1:3::1')).not.toBe(client);
    expect(rateLimitClientOf('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitClientOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('keeps anything else as it is and no address as none', () => {
    expect(rateLimitClientOf('not:an:address::x')).toBe('not:an:address::x');
    expect(rateLimitClientOf(null)).toBeNull();
  });
});
