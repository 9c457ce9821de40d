import 'server-only';
// The data layer's own role check on the request context (Next.js data-security guide: authorization inside
// the server function, not only in the pipeline that called it).
import { AppError } from '@/lib/app-error';
import type { PortalActor, PortalContext } from '../context/portal-context';
import type { PortalRole } from './auth-options';

export function requireActorRole(context: Pick<PortalContext, 'actor'>, ...roles: PortalRole[]): PortalActor {
  const { actor } = context;
  if (!actor)
    throw new AppError('UNAUTHORIZED', 'Sign in with Microsoft Entra ID to continue.', { reason: 'signedOut' });
  if (!actor.roles.some((role) => roles.includes(role)))
    throw new AppError('FORBIDDEN', `This needs one of these roles: ${roles.join(', ')}.`, { reason: 'missingRole' });
  return actor;
}
