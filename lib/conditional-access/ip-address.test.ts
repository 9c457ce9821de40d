// CIDR matching for IP named locations (location-condition).
import { describe, expect, it } from 'vitest';
import { formatIpAddress, isAddressInRange, parseCidr, parseIpAddress } from './ip-address';

const inRange = (ip: string, cidr: string) => isAddressInRange(parseIpAddress(ip)!, parseCidr(cidr)!);

describe('IP addresses and CIDR ranges', () => {
  it('matches IPv4 ranges at the edges', () => {
    expect(inRange('203.0.113.0', '203.0.113.0/24')).toBe(true);
    expect(inRange('203.0.113.255', '203.0.113.0/24')).toBe(true);
    expect(inRange('203.0.114.0', '203.0.113.0/24')).toBe(false);
    expect(inRange('10.1.2.3', '10.0.0.0/8')).toBe(true);
    expect(inRange('192.168.1.128', '192.168.1.0/25')).toBe(false);
    expect(inRange('1.2.3.4', '0.0.0.0/0')).toBe(true);
    expect(inRange('1.2.3.4', '1.2.3.4/32')).toBe(true);
  });
  it('matches IPv6 ranges, compressed or not, and never mixes families', () => {
    expect(inRange('2001:db8:c0de::10', '2001:db8:c0de::/48')).toBe(true);
    expect(inRange('2001:0db8:c0de:0000:0000:0000:0000:0001', '2001:db8:c0de::/48')).toBe(true);
    expect(inRange('2001:db8:c0df::1', '2001:db8:c0de::/48')).toBe(false);
    expect(inRange('::ffff:203.0.113.5', '::ffff:203.0.113.0/120')).toBe(true);
    expect(inRange('203.0.113.5', '::ffff:203.0.113.0/120')).toBe(false);
  });
  it('rejects malformed addresses', () => {
    for (const bad of [
      '',
      '1.2.3',
      '1.2.3.4.5',
      '256.1.1.1',
      '01.2.3.4',
      '1.2.3.-4',
      '::1::',
      '2001:db8::g',
      '1:2:3:4:5:6:7:8:9',
      'fe80::1%eth0',
    ]) {
      expect(parseIpAddress(bad)).toBeNull();
    }
    for (const bad of ['1.2.3.4/', '1.2.3.4/33', '::/129', '1.2.3.4/1/2', '1.2.3.4/ 8'])
      expect(parseCidr(bad)).toBeNull();
  });
  it('formats addresses back', () => {
    expect(formatIpAddress(parseIpAddress('203.0.113.9')!)).toBe('203.0.113.9');
    expect(formatIpAddress(parseIpAddress('2001:db8::1')!)).toBe('2001:db8:0:0:0:0:0:1');
  });
});
