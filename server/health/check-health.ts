import 'server-only';
import { databaseProvider, getConfig } from '../config';
import { getDatabase } from '../database/database';

export type Health = { status: 'ok' | 'degraded'; database: { provider: 'sqlite' | 'postgresql'; reachable: boolean } };

export async function checkHealth(): Promise<Health> {
  const provider = databaseProvider(getConfig());
  try {
    await getDatabase().auditEvent.count();
    return { status: 'ok', database: { provider, reachable: true } };
  } catch {
    return { status: 'degraded', database: { provider, reachable: false } };
  }
}
