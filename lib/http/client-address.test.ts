import { describe, expect, it } from 'vitest';
import { clientAddressFrom, forwardedChainOf } from './client-address';

// The chain is what the portal server saw: X-Forwarded-For entries, then the socket's peer.
describe('the client address comes from the configured number of trusted proxies, never from the client', () => {
  it('direct access (0 hops): a spoofed X-Forwarded-For is ignored, the socket peer is the client', () => {
    expect(clientAddressFrom(forwardedChainOf('6.6.6.6, 7.7.7.7').concat('203.0.113.9'), 0)).toBe('203.0.113.9');
    expect(clientAddressFrom(['203.0.113.9'], 0)).toBe('203.0.113.9');
  });

  it('one proxy: the entry the proxy appended is the client; what the client wrote before it is ignored', () => {
    // client 198.51.100.7 sent "6.6.6.6"; the proxy (10.0.0.2) appended 198.51.100.7.
    expect(clientAddressFrom(['6.6.6.6', '198.51.100.7', '10.0.0.2'], 1)).toBe('198.51.100.7');
  });

  it('two proxies: the second entry from the right of the forwarded list', () => {
    expect(clientAddressFrom(['6.6.6.6', '198.51.100.7', '10.0.0.1', '10.0.0.2'], 2)).toBe('198.51.100.7');
  });

  it('fewer entries than hops, nothing, or an over-long entry', () => {
    expect(clientAddressFrom(['198.51.100.7'], 2)).toBe('198.51.100.7');
    expect(clientAddressFrom([], 0)).toBeNull();
    expect(clientAddressFrom(['x'.repeat(65)], 0)).toBeNull();
  });
});
