import 'server-only';
import { getConfig } from '../config';
import { repositoryRoot } from '../repository-root';
import { createDatabaseClient, type DatabaseClient } from './create-database-client';

// One client per process; kept on globalThis so Next.js dev reloads do not open a new pool each time.
const holder = globalThis as typeof globalThis & { verityDatabase?: DatabaseClient };

export function getDatabase(): DatabaseClient {
  holder.verityDatabase ??= createDatabaseClient(getConfig().DATABASE_URL, repositoryRoot());
  return holder.verityDatabase;
}
