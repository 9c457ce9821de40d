import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { csrfCookieName, csrfTokenFromCookie } from './csrf-token';

const secret = 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const signed = (token: string, key = secret) =>
  `${token}|${createHash('sha256').update(`${token}${key}`).digest('hex')}`;

describe('csrfTokenFromCookie', () => {
  it('returns the token of a cookie next-auth signed with the secret', () => {
    expect(csrfTokenFromCookie(signed('abc123'), secret)).toBe('abc123');
  });

  it('refuses a cookie signed with another secret, a bare token and no cookie', () => {
    expect(csrfTokenFromCookie(signed('abc123', 'other-secret'), secret)).toBeUndefined();
    expect(csrfTokenFromCookie('abc123', secret)).toBeUndefined();
    expect(csrfTokenFromCookie('abc123|short', secret)).toBeUndefined();
    expect(csrfTokenFromCookie(undefined, secret)).toBeUndefined();
  });
});

describe('csrfCookieName', () => {
  it('uses next-auth’s __Host- prefix over HTTPS only', () => {
    expect(csrfCookieName('https://verity.contoso.test')).toBe('__Host-next-auth.csrf-token');
    expect(csrfCookieName('http://localhost:3000')).toBe('next-auth.csrf-token');
  });
});
