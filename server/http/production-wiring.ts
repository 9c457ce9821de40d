import 'server-only';
// The pipeline's production wiring: the process's services and the next-auth session as the actor.
import { getServerSession } from 'next-auth';
import { authOptions } from '../auth/auth-options';
import { productionServices } from '../context/production-services';
import type { RouteWiring } from './define-route';

export function productionWiring(): RouteWiring {
  return {
    services: productionServices(),
    async resolveActor() {
      const session = await getServerSession(authOptions());
      if (!session?.oid) return null;
      return {
        oid: session.oid,
        name: session.user?.name ?? session.user?.email ?? session.oid,
        email: session.user?.email ?? null,
        roles: session.roles,
        authTime: session.authTime,
        amr: session.amr,
      };
    },
  };
}
