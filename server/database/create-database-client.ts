// Builds a Prisma client for the configured database. Both providers share one set of models
// (prisma/schema.prisma is the source, prisma/postgresql/schema.prisma is generated from it), so the
// PostgreSQL client is typed as the SQLite one: their model APIs are identical.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '../../generated/prisma/sqlite/client';
import { PrismaClient as PostgresClient } from '../../generated/prisma/postgresql/client';
import { createPgPool } from './pg-name-as-text';
import { sqliteFilePath } from './sqlite-file-path';

export type DatabaseClient = SqliteClient;

const postgresClients = new WeakSet<object>();

/** True for a client on PostgreSQL (for the few places that need provider-specific SQL, e.g. advisory locks). */
export function isPostgresClient(db: object): boolean {
  return postgresClients.has(db);
}

export function createDatabaseClient(databaseUrl: string, root: string): DatabaseClient {
  if (databaseUrl.startsWith('file:')) {
    return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: sqliteFilePath(databaseUrl, root) }) });
  }
  const client = new PostgresClient({
    adapter: new PrismaPg(createPgPool(databaseUrl), { disposeExternalPool: true }),
  });
  postgresClients.add(client);
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- one schema generates both clients (see the header); their types differ only in provider-specific names, not in any model API the portal calls
  return client as unknown as DatabaseClient;
}
