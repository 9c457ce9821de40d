import 'server-only';
import { databaseProvider } from '../config';
import type { PortalServices } from '../context/portal-context';

export type Health = { status: 'ok' | 'degraded'; database: { provider: 'sqlite' | 'postgresql'; reachable: boolean } };

export async function checkHealth(services: Pick<PortalServices, 'db' | 'settings'>): Promise<Health> {
  const provider = databaseProvider(services.settings);
  try {
    await services.db.auditEvent.count();
    return { status: 'ok', database: { provider, reachable: true } };
  } catch {
    return { status: 'degraded', database: { provider, reachable: false } };
  }
}
