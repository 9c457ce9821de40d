// Test helper: a fresh, migrated database of the kind TEST_DATABASE_URL names (SQLite by default;
// `npm run test:postgres` points it at the machine's PostgreSQL). Migrations are applied with the real
// `prisma migrate deploy`, so the tests also prove each provider's migration history works.
// A PostgreSQL server that cannot be reached fails the test: never a silent skip.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDatabaseClient, type DatabaseClient } from './create-database-client';

export type TestDatabase = {
  url: string;
  provider: 'sqlite' | 'postgresql';
  db: DatabaseClient;
  drop: () => Promise<void>;
};

const root = process.cwd();

function migrate(url: string): void {
  execFileSync(path.join(root, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: 'pipe',
  });
}

export function testDatabaseTarget(): string {
  return process.env.TEST_DATABASE_URL ?? 'file:';
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const target = testDatabaseTarget();
  const suffix = randomBytes(6).toString('hex');
  if (target.startsWith('file:')) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-db-'));
    const url = `file:${path.join(dir, 'test.db')}`;
    migrate(url);
    const db = createDatabaseClient(url, root);
    return {
      url,
      provider: 'sqlite',
      db,
      drop: async () => {
        await db.$disconnect();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = new pg.Client({ connectionString: target });
  await admin.connect();
  const name = `verity_test_${suffix}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(target);
  url.pathname = `/${name}`;
  migrate(url.toString());
  const db = createDatabaseClient(url.toString(), root);
  return {
    url: url.toString(),
    provider: 'postgresql',
    db,
    drop: async () => {
      await db.$disconnect();
      const cleanup = new pg.Client({ connectionString: target });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
