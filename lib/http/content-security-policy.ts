// The portal's Content Security Policy, one per request (proxy.ts). Scripts run only with the request's
// nonce, and what they load inherits the trust ('strict-dynamic'); no 'unsafe-inline' for scripts, so an
// injected <script> is refused (CSP Level 3, https://www.w3.org/TR/CSP3/#strict-dynamic-usage; Next.js puts the
// nonce on its own scripts when the request carries this header: nextjs.org/docs/app/guides/content-security-policy).
// 'self' stays for browsers without CSP3 ('strict-dynamic' makes CSP3 browsers ignore it). Styles keep
// 'unsafe-inline' (Next and React inject style attributes); development adds 'unsafe-eval' (React's debugging).
// Framing is forbidden and forms may only post to the portal and the Entra authority.

export type ContentSecurityPolicyInput = { nonce: string; entraAuthority: string; isDevelopment: boolean };

export function contentSecurityPolicy({ nonce, entraAuthority, isDevelopment }: ContentSecurityPolicyInput): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    `form-action 'self' ${new URL(entraAuthority).origin} https://login.microsoftonline.com`,
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** HSTS for an HTTPS origin (RFC 6797; OWASP HTTP Headers Cheat Sheet: two years), none over plain HTTP. */
export function strictTransportSecurity(appOrigin: string): string | undefined {
  return new URL(appOrigin).protocol === 'https:' ? 'max-age=63072000; includeSubDomains' : undefined;
}
