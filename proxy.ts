// Next's proxy (formerly middleware): the edge checks Next would otherwise turn into a 500, in
// server/http/edge-guard.ts, and the per-request security headers (a CSP nonce, HSTS over HTTPS) in
// server/http/security-headers.ts. A refusal is rewritten to the refusal route (server/http/edge-refusal-route.ts),
// which answers it and audits it like every other denial, so the proxy itself never needs the database.
// Everything else goes on to the route handler or page unchanged.
import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/server/config';
import { edgeRefusalHeaders, edgeRefusalOf, edgeRefusalPath } from '@/server/http/edge-guard';
import { securityHeaders } from '@/server/http/security-headers';

export async function proxy(request: NextRequest) {
  const config = getConfig();
  const headers = securityHeaders(config);
  const requestHeaders = new Headers(request.headers);
  // Only the proxy says what it refused: a client's own copy of these headers never reaches the refusal route.
  for (const name of Object.values(edgeRefusalHeaders)) requestHeaders.delete(name);
  for (const [name, value] of Object.entries(headers.request)) requestHeaders.set(name, value);
  const refusal = await edgeRefusalOf(request, config.APP_ORIGIN);
  if (refusal) {
    requestHeaders.set(edgeRefusalHeaders.reason, refusal);
    requestHeaders.set(edgeRefusalHeaders.path, request.nextUrl.pathname.slice(0, 200));
  }
  const response = refusal
    ? NextResponse.rewrite(new URL(edgeRefusalPath, request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers.response)) response.headers.set(name, value);
  return response;
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
