// Per-request security headers, set by proxy.ts: a fresh CSP nonce for every request (the request carries
// the policy so Next.js stamps the nonce on its scripts; the response carries it to the browser) and HSTS
// when the portal is served over HTTPS. Static headers (nosniff, framing, referrer) stay in next.config.ts.
import { contentSecurityPolicy, strictTransportSecurity } from '@/lib/http/content-security-policy';
import type { Config } from '../config';

export type SecurityHeaders = { nonce: string; request: Record<string, string>; response: Record<string, string> };

export function securityHeaders(
  config: Pick<Config, 'APP_ORIGIN' | 'ENTRA_AUTHORITY_HOST' | 'NODE_ENV'>,
  randomBytes: (length: number) => Uint8Array = (length) => crypto.getRandomValues(new Uint8Array(length)),
): SecurityHeaders {
  // 128 bits from the Web Crypto CSPRNG (CSP3 asks for at least 128 bits, base64-encoded).
  const nonce = Buffer.from(randomBytes(16)).toString('base64');
  const policy = contentSecurityPolicy({
    nonce,
    entraAuthority: config.ENTRA_AUTHORITY_HOST,
    isDevelopment: config.NODE_ENV === 'development',
  });
  const hsts = strictTransportSecurity(config.APP_ORIGIN);
  return {
    nonce,
    request: { 'content-security-policy': policy, 'x-nonce': nonce },
    response: { 'Content-Security-Policy': policy, ...(hsts ? { 'Strict-Transport-Security': hsts } : {}) },
  };
}
