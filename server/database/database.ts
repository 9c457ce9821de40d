import 'server-only';
import { getConfig } from '../config';
import { repositoryRoot } from '../repository-root';
import { createDatabaseClient, type DatabaseClient } from './create-database-client';

declare global {
  // One client per process; kept on globalThis so Next.js dev reloads do not open a new pool each time.
  var verityDatabase: DatabaseClient | undefined;
}

export function getDatabase(): DatabaseClient {
  globalThis.verityDatabase ??= createDatabaseClient(getConfig().DATABASE_URL, repositoryRoot());
  return globalThis.verityDatabase;
}
