// Next's proxy (formerly middleware): the edge checks Next would otherwise turn into a 500, in
// server/http/edge-guard.ts, and the per-request security headers (a CSP nonce, HSTS over HTTPS) in
// server/http/security-headers.ts. Everything else goes on to the route handler or page unchanged.
import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/server/config';
import { edgeRefusal } from '@/server/http/edge-guard';
import { failureResponse } from '@/server/http/request-failure';
import { securityHeaders } from '@/server/http/security-headers';

export function proxy(request: NextRequest) {
  const config = getConfig();
  const headers = securityHeaders(config);
  const failure = edgeRefusal(request, config.APP_ORIGIN);
  if (failure) {
    console.warn(`[verity] refused at the edge: ${request.method} ${failure.reason ?? failure.code}`);
    return failureResponse(failure, { 'Cache-Control': 'no-store', ...headers.response });
  }
  const requestHeaders = new Headers(request.headers);
  for (const [name, value] of Object.entries(headers.request)) requestHeaders.set(name, value);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers.response)) response.headers.set(name, value);
  return response;
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
