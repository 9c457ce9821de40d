import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeReturnUrl } from './safe-return-url';

const origin = 'https://portal.contoso.test';
const allow = ['/reset', '/unlock', '/account', 'https://myapps.contoso.test/'];
const allowAll = ['/', 'https://myapps.contoso.test/'];

describe('no open redirects: return URLs against an allow list', () => {
  it.each([
    ['/reset/services', '/reset/services'],
    ['/account?tab=1', '/account?tab=1'],
    ['/account#top', '/account#top'],
    ['https://portal.contoso.test/reset/a/../b', '/reset/b'],
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

  // Issue 11, finding 2: same-origin paths that normalise to a protocol-relative reference.
  it.each([
    '/.//evil.example',
    '/..//evil.example',
    '/./..//evil.example/phish',
    '/%2e//evil.example',
    '/%2e%2e//evil.example',
    `${origin}//evil.example`,
    'http://portal.contoso.test//evil.example',
    `${origin}/.//evil.example`,
    '\\\\evil.example',
    '/\\evil.example',
    '\\/evil.example',
    '/.\\/evil.example',
    `${origin}\\\\evil.example`,
    '/\t/evil.example',
    '/\n/evil.example',
    '\t//evil.example',
    '/\r\n/evil.example',
    'https://portal.contoso.test@evil.example/',
    'https://user:pass@portal.contoso.test/reset',
    'https://user@portal.contoso.test/reset',
  ])('refuses %j even with "/" on the allow list', (candidate) => {
    expect(safeReturnUrl(candidate, origin, allowAll)).toBe('/');
  });

  const segment = fc.oneof(
    fc.constantFrom(
      '',
      '.',
      '..',
      '%2e',
      '%2E%2e',
      '%2f',
      '%5c',
      'evil.example',
      '@evil.example',
      'reset',
      ':',
      '?',
      '#',
    ),
    fc.constantFrom('\\', '\t', '\n', '\r', ' ', '%09', '%0a', 'user:pass@'),
    fc.webSegment(),
  );
  const path = fc
    .tuple(
      fc.constantFrom('', '/', '//', '\\', '/\\', origin, `${origin}/`, 'http://portal.contoso.test', `${origin}@`),
      fc.array(fc.tuple(fc.constantFrom('/', '\\', '//'), segment), { maxLength: 6 }),
      fc.constantFrom('', '?next=//evil.example', '#//evil.example'),
    )
    .map(([start, parts, tail]) => `${start}${parts.map(([slash, part]) => `${slash}${part}`).join('')}${tail}`);

  it('property: the result is the fallback or a reference that stays on an allowed origin from any base', () => {
    fc.assert(
      fc.property(fc.oneof(path, fc.string(), fc.webUrl(), fc.webPath()), (candidate) => {
        const result = safeReturnUrl(candidate, origin, allowAll, 'FALLBACK');
        if (result === 'FALLBACK') return;
        expect(result).not.toMatch(/[\u0000-\u001f\\]/);
        const resolved = new URL(result, origin);
        expect([origin, 'https://myapps.contoso.test']).toContain(resolved.origin);
        expect(resolved.username + resolved.password).toBe('');
        if (!/^https?:/.test(result)) {
          // Same-origin: path-absolute, never protocol-relative, and where the browser would have gone anyway.
          expect(result).toMatch(/^\/(?!\/)/);
          expect(new URL(result, 'https://elsewhere.invalid').origin).toBe('https://elsewhere.invalid');
          const intended = new URL(candidate, origin);
          expect(result).toBe(`${intended.pathname}${intended.search}${intended.hash}`);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('property: the result with a path allow list is the fallback or on an allowed origin', () => {
    fc.assert(
      fc.property(fc.oneof(path, fc.string(), fc.webUrl(), fc.webPath()), (candidate) => {
        const result = safeReturnUrl(candidate, origin, allow);
        const resolved = new URL(result, origin);
        expect([origin, 'https://myapps.contoso.test']).toContain(resolved.origin);
      }),
    );
  });
});
