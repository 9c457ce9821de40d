// Public: Entra returns here after the user signed in from the desk's link.
import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { getConfig } from '@/server/config';
import { completeEntraLinkVerification, linkPaths } from '@/server/desk/entra-link-verification';
import { deskLinkCookie } from '@/server/desk/desk-link-cookie';
import { deskEntraVerification, productionDeskDependencies } from '@/server/desk/production-desk-dependencies';
import { entraCallbackQuerySchema } from '@/server/verification/entra-mfa-verification';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const origin = getConfig().APP_ORIGIN;
  let result = 'failed';
  try {
    const query = entraCallbackQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const outcome = await completeEntraLinkVerification(
      productionDeskDependencies(),
      deskEntraVerification(),
      query,
      (await cookies()).get(deskLinkCookie.name)?.value,
    );
    result = outcome.isVerified ? 'verified' : outcome.reason === 'cancelled' ? 'cancelled' : 'failed';
  } catch {
    result = 'invalid';
  }
  const response = NextResponse.redirect(new URL(`${linkPaths.done}?result=${result}`, origin), {
    status: 303,
    headers: { 'Referrer-Policy': 'no-referrer' },
  });
  response.cookies.set(deskLinkCookie.name, '', { ...deskLinkCookie.options(origin), maxAge: 0 });
  return response;
}
