// The client IP Conditional Access sees. Browsers get a random `mock_idp_browser` cookie; the
// control API can map that browser session to a simulated public IP (issue 3 §6). Nothing a
// browser sends (no X-Forwarded-For) can set it.
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cookieHeader, readCookie } from './http';
import type { MockIdp } from '../mock-idp-context';

export const browserCookieName = 'mock_idp_browser';

/** The browser session id, creating the cookie when missing. */
export function browserIdOf(req: IncomingMessage, res: ServerResponse): string {
  const existing = readCookie(req, browserCookieName);
  if (existing && /^[A-Za-z0-9_-]{16,64}$/.test(existing)) return existing;
  const id = crypto.randomBytes(16).toString('base64url');
  const previous = res.getHeader('Set-Cookie');
  const cookies = Array.isArray(previous) ? previous : previous ? [String(previous)] : [];
  res.setHeader('Set-Cookie', [...cookies, cookieHeader(browserCookieName, id)]);
  req.headers.cookie = `${req.headers.cookie ? `${req.headers.cookie}; ` : ''}${browserCookieName}=${id}`;
  return id;
}

export function clientIpOf(mock: MockIdp, req: IncomingMessage, browserId: string | undefined): string {
  const simulated = browserId ? mock.clientIps.get(browserId) : undefined;
  if (simulated) return simulated;
  const remote = req.socket.remoteAddress ?? '127.0.0.1';
  return remote.startsWith('::ffff:') ? remote.slice(7) : remote;
}

export function devicePlatformOf(userAgent: string | undefined): string | undefined {
  const ua = userAgent ?? '';
  if (/Android/i.test(ua)) return 'android';
  if (/iPhone|iPad|iPod/i.test(ua)) return 'iOS';
  if (/Windows/i.test(ua)) return 'windows';
  if (/Mac OS X|Macintosh/i.test(ua)) return 'macOS';
  if (/Linux/i.test(ua)) return 'linux';
  return undefined;
}
