// Next's proxy (formerly middleware): the edge checks Next would otherwise turn into a 500, in
// server/http/edge-guard.ts. Everything else goes on to the route handler or page unchanged.
import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/server/config';
import { edgeRefusal } from '@/server/http/edge-guard';
import { failureResponse } from '@/server/http/request-failure';

export function proxy(request: NextRequest) {
  const failure = edgeRefusal(request, getConfig().APP_ORIGIN);
  if (!failure) return NextResponse.next();
  console.warn(`[verity] refused at the edge: ${request.method} ${failure.reason ?? failure.code}`);
  return failureResponse(failure, { 'Cache-Control': 'no-store' });
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
