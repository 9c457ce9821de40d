import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './safe-return-path';

// FPCS "no open redirects": only paths on this portal come back.
describe('safeReturnPath', () => {
  it('keeps portal paths and the path of same-origin absolute URLs', () => {
    expect(safeReturnPath('/desk')).toBe('/desk');
    expect(safeReturnPath('/admin/simulator?tab=matrix')).toBe('/admin/simulator?tab=matrix');
    expect(safeReturnPath('http://localhost:3000/account')).toBe('/account');
  });
  it('refuses protocol-relative, backslash, scheme and control-character tricks', () => {
    for (const bad of [
      '//evil.test',
      '/\\evil.test',
      'javascript:alert(1)',
      'evil.test',
      '/desk\u0000',
      '/a\\b',
      'x'.repeat(600),
    ]) {
      expect(safeReturnPath(bad)).toBe('/');
    }
    expect(safeReturnPath(undefined, '/desk')).toBe('/desk');
  });
});
