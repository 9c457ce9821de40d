// Public: the user opens the desk's sign-in link on their own device; no portal session is needed.
import { NextResponse } from 'next/server';
import { beginEntraLinkVerification, linkPaths } from '@/server/desk/entra-link-verification';
import { deskLinkCookie } from '@/server/desk/desk-link-cookie';
import { deskDependenciesOf } from '@/server/context/desk-view';
import { defineRoute } from '@/server/http/define-route';
import { jsonObject } from '@/server/http/json-object';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({
  name: 'desk.link.open',
  access: 'public',
  query: jsonObject,
  headers: { 'Referrer-Policy': 'no-referrer' },
  redirectOnError: () => `${linkPaths.done}?result=invalid`,
  handle: async (context, { query }) => {
    const { authorizeUrl, cookie } = await beginEntraLinkVerification(
      deskDependenciesOf(context),
      context.entraVerification,
      query,
    );
    const response = NextResponse.redirect(authorizeUrl, { status: 303 });
    response.cookies.set(deskLinkCookie.name, cookie, deskLinkCookie.options(context.settings.APP_ORIGIN));
    return response;
  },
});
