import 'server-only';
// Step 3 of the pipeline, shared by route handlers and server actions: resolve the signed-in user and check
// the route's roles before anything of the request body is looked at.
import { AppError } from '@/lib/app-error';
import type { PortalRole } from '../auth/auth-options';
import type { PortalActor } from '../context/portal-context';

/** Who may call the route: anyone, any signed-in user, or holders of one of the roles. */
export type RouteAccess = 'public' | 'signedIn' | { roles: readonly PortalRole[] };

/** Sets `context.actor` as soon as it is known, so that a refused role is audited under the actor. */
export async function checkAccess(
  context: { actor: PortalActor | null },
  access: RouteAccess,
  resolveActor: () => Promise<PortalActor | null>,
): Promise<void> {
  if (access === 'public') return;
  const actor = await resolveActor();
  context.actor = actor;
  if (!actor)
    throw new AppError('UNAUTHORIZED', 'Sign in with Microsoft Entra ID to continue.', { reason: 'signedOut' });
  const roles = typeof access === 'object' ? access.roles : null;
  if (roles && !actor.roles.some((role) => roles.includes(role)))
    throw new AppError('FORBIDDEN', `This needs one of these roles: ${roles.join(', ')}.`, { reason: 'missingRole' });
}
