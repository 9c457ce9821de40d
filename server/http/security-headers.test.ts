// Content security (issue 11, finding 8): a nonce per request, 'strict-dynamic', no 'unsafe-inline' for
// scripts, HSTS over HTTPS only. The browser side is e2e/portal/content-security.spec.ts.
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '../../proxy';
import { testConfig } from '../context/test-services';
import { securityHeaders } from './security-headers';

const scriptSource = (policy: string) =>
  policy.split('; ').find((directive) => directive.startsWith('script-src ')) ?? '';

describe('content security: per-request nonces and HSTS', () => {
  it("script-src allows only the request's nonce and what it loads ('strict-dynamic'), never 'unsafe-inline'", () => {
    const { nonce, response, request } = securityHeaders(testConfig({ NODE_ENV: 'test' }));
    const policy = response['Content-Security-Policy'] ?? '';
    expect(scriptSource(policy)).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    // Next.js reads the nonce from the request's policy and stamps it on its own scripts.
    expect(request['content-security-policy']).toBe(policy);
    expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });

  it('a fresh nonce for every request', () => {
    const nonces = new Set(Array.from({ length: 200 }, () => securityHeaders(testConfig()).nonce));
    expect(nonces.size).toBe(200);
  });

  it('sends HSTS when APP_ORIGIN is https, not over plain http', () => {
    const https = securityHeaders(testConfig({ APP_ORIGIN: 'https://portal.contoso.test' })).response;
    expect(https['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains');
    const http = securityHeaders(testConfig({ APP_ORIGIN: 'http://localhost:3000' })).response;
    expect(http['Strict-Transport-Security']).toBeUndefined();
  });

  it('the proxy puts a new policy on every page response and on the request Next renders', async () => {
    const first = await proxy(new NextRequest('http://localhost:3000/reset'));
    const second = await proxy(new NextRequest('http://localhost:3000/reset'));
    const policy = first.headers.get('content-security-policy') ?? '';
    expect(scriptSource(policy)).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(second.headers.get('content-security-policy')).not.toBe(policy);
    // NextResponse.next({ request: { headers } }) forwards the overridden request headers this way
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
  });

  it('an edge refusal carries the policy too', async () => {
    // The proxy rewrites a refusal to the refusal route (which answers the 400 and audits it).
    const refused = await proxy(new NextRequest('http://localhost:3000/reset/%ff'));
    expect(refused.headers.get('x-middleware-rewrite')).toBe('http://localhost:3000/api/edge-refusal');
    expect(refused.headers.get('content-security-policy')).toContain("'strict-dynamic'");
  });
});
