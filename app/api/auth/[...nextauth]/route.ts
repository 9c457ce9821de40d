// /api/auth/*: next-auth (sign-in with Entra, callback, session, sign-out) behind the pipeline, so a malformed
// segment, callbackUrl or callback cookie is a 400 with the common body instead of a TypeError inside next-auth.
// next-auth keeps its own CSRF token on POST; the Entra callback is a cross-site GET by design.
import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { z } from 'zod';
import { authOptions } from '@/server/auth/auth-options';
import { callbackCookieNames, callbackUrlSchema, checkCallbackCookie } from '@/server/auth/callback-url';
import { defineRoute } from '@/server/http/define-route';
import { headerCookie } from '@/server/http/request-cookie';

export const dynamic = 'force-dynamic';

const params = z.object({ nextauth: z.array(z.string().max(200)).min(1).max(3) });
const callbackFields = z.looseObject({ callbackUrl: callbackUrlSchema.optional() });

function checkCallbackCookies(request: Request): void {
  for (const name of callbackCookieNames) checkCallbackCookie(headerCookie(request.headers, name));
}

const nextAuth = (request: NextRequest, nextauth: string[]) =>
  NextAuth(authOptions())(request, { params: Promise.resolve({ nextauth }) });

export const GET = defineRoute({
  name: 'auth.nextAuth',
  access: 'public',
  params,
  query: callbackFields,
  handle: async (_context, input, request) => {
    checkCallbackCookies(request);
    return nextAuth(request instanceof NextRequest ? request : new NextRequest(request), input.params.nextauth);
  },
});

export const POST = defineRoute({
  name: 'auth.nextAuth',
  access: 'public',
  params,
  query: callbackFields,
  body: { kind: 'form', schema: callbackFields },
  handle: async (_context, input, request) => {
    checkCallbackCookies(request);
    // The pipeline has read the body under its limit; next-auth reads the same fields again from a copy.
    const fields = Object.entries(input.body).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    );
    const headers = new Headers(request.headers);
    headers.delete('content-length');
    const copy = new NextRequest(request.url, {
      method: 'POST',
      headers,
      body: new URLSearchParams(fields).toString(),
    });
    return nextAuth(copy, input.params.nextauth);
  },
});
