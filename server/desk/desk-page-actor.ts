import 'server-only';
// The signed-in user for a desk page: redirects to sign-in when there is no session, and reports a
// missing role so the page shows "no access" (the server functions check the role again themselves).
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { isAppError } from '../../lib/app-error';
import type { PortalRole } from '../auth/auth-options';
import { requireSession } from '../auth/require-role';
import { hasDeskRole, type DeskActor } from './desk-actor';

export async function deskPageActor(
  roles: readonly PortalRole[],
  returnPath: string,
): Promise<{ actor: DeskActor; isAllowed: boolean }> {
  let session;
  try {
    session = await requireSession();
  } catch (error) {
    if (isAppError(error) && error.code === 'UNAUTHORIZED')
      redirect(`/signin?callbackUrl=${encodeURIComponent(returnPath)}`);
    throw error;
  }
  const list = await headers();
  const actor: DeskActor = {
    oid: session.oid,
    name: session.user?.name ?? session.oid,
    roles: session.roles,
    ip: list.get('x-forwarded-for')?.split(',')[0]?.trim() || null,
    userAgent: list.get('user-agent')?.slice(0, 300) ?? null,
  };
  return { actor, isAllowed: hasDeskRole(actor, roles) };
}
