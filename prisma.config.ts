// Prisma CLI configuration. One file for both databases: DATABASE_URL selects SQLite (default,
// prisma/schema.prisma) or PostgreSQL (prisma/postgresql/schema.prisma). Uses the JavaScript schema
// engine through driver adapters because these machines cannot download Prisma's native engines;
// see docs/decisions/0002-prisma-js-engine.md.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { databaseProvider, loadConfig } from './server/config';
import { createPgPool } from './server/database/pg-name-as-text';
import { sqliteFilePath } from './server/database/sqlite-file-path';

const root = path.dirname(fileURLToPath(import.meta.url));

// The CLI checks that native engine files exist before generate/migrate/db, although the JS engine
// path never executes them. Pointing the variables at any existing file skips that download check.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, 'package.json');
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= path.join(root, 'package.json');

const config = loadConfig(process.env);
process.env.DATABASE_URL = config.DATABASE_URL; // the schema's datasource reads it
const provider = databaseProvider(config);

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: provider === 'sqlite' ? 'prisma/schema.prisma' : 'prisma/postgresql/schema.prisma',
  migrations: { path: provider === 'sqlite' ? 'prisma/migrations' : 'prisma/postgresql/migrations' },
  async adapter() {
    if (provider === 'sqlite') return new PrismaBetterSQLite3({ url: sqliteFilePath(config.DATABASE_URL, root) });
    return new PrismaPg(createPgPool(config.DATABASE_URL), { disposeExternalPool: true });
  },
});
