// Public: the user opens the desk's sign-in link on their own device; no portal session is needed.
import { NextResponse } from 'next/server';
import { getConfig } from '@/server/config';
import { beginEntraLinkVerification, linkPaths } from '@/server/desk/entra-link-verification';
import { deskLinkCookie } from '@/server/desk/desk-link-cookie';
import { deskEntraVerification, productionDeskDependencies } from '@/server/desk/production-desk-dependencies';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const origin = getConfig().APP_ORIGIN;
  try {
    const { authorizeUrl, cookie } = await beginEntraLinkVerification(
      productionDeskDependencies(),
      deskEntraVerification(),
      Object.fromEntries(new URL(request.url).searchParams),
    );
    const response = NextResponse.redirect(authorizeUrl, { status: 303 });
    response.cookies.set(deskLinkCookie.name, cookie, deskLinkCookie.options(origin));
    response.headers.set('Referrer-Policy', 'no-referrer');
    return response;
  } catch {
    return NextResponse.redirect(new URL(`${linkPaths.done}?result=invalid`, origin), {
      status: 303,
      headers: { 'Referrer-Policy': 'no-referrer' },
    });
  }
}
