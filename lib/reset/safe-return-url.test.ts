import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeReturnUrl } from './safe-return-url';

const origin = 'https://portal.contoso.test';
const allow = ['/reset', '/unlock', '/account', 'https://myapps.contoso.test/'];

describe('no open redirects: return URLs against an allow list', () => {
  it.each([
    ['/reset/services', '/reset/services'],
    ['/account?tab=1', '/account?tab=1'],
    ['https://myapps.contoso.test/home', 'https://myapps.contoso.test/home'],
    ['https://evil.test/reset', '/'],
    ['//evil.test/reset', '/'],
    ['/\\evil.test', '/'],
    ['javascript:alert(1)', '/'],
    ['/resetting', '/'],
    ['/desk', '/'],
    ['https://myapps.contoso.test.evil.test/', '/'],
    ['', '/'],
  ])('%s → %s', (candidate, expected) => {
    expect(safeReturnUrl(candidate, origin, allow)).toBe(expected);
  });

  it('property: the result is always the fallback or on an allowed origin', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.webPath()), (candidate) => {
        const result = safeReturnUrl(candidate, origin, allow);
        const resolved = new URL(result, origin);
        expect([origin, 'https://myapps.contoso.test']).toContain(resolved.origin);
      }),
    );
  });
});
