import 'server-only';
// The signed-in user for a desk page: redirects to sign-in when there is no session, and reports a
// missing role so the page shows "no access" (the server functions check the role again themselves).
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { isAppError } from '../../lib/app-error';
import type { PortalRole } from '../auth/auth-options';
import { requireSession } from '../auth/require-role';
import { getConfig } from '../config';
import { deskDependenciesOf } from '../context/desk-view';
import { productionServices } from '../context/production-services';
import { clientAddressOf } from '../http/client-address';
import { hasDeskRole, type DeskActor } from './desk-actor';
import type { DeskDependencies } from './desk-dependencies';

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
    authTime: session.authTime,
    amr: session.amr,
    ...clientAddressOf(list, getConfig().TRUSTED_PROXY_HOPS),
  };
  return { actor, isAllowed: hasDeskRole(actor, roles) };
}

/** The desk's dependencies for a page, from the production services (route handlers get them from the pipeline). */
export function deskPageDependencies(): DeskDependencies {
  return deskDependenciesOf(productionServices());
}
