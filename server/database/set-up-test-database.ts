// Test helper: the file's own migrated test database (test-database.ts), created before its tests and dropped
// after them, the same four lines every database test used to write out.
import { afterAll, beforeAll } from 'vitest';
import type { DatabaseClient } from './create-database-client';
import { createTestDatabase, type TestDatabase } from './test-database';

export function setUpTestDatabase(): { readonly db: DatabaseClient; readonly url: string } {
  let created: TestDatabase | undefined;
  beforeAll(async () => {
    created = await createTestDatabase();
  });
  afterAll(async () => {
    await created?.drop();
  });
  const current = (): TestDatabase => {
    if (!created) throw new Error('The test database is created in beforeAll: use it inside a test or a hook.');
    return created;
  };
  return {
    get db() {
      return current().db;
    },
    get url() {
      return current().url;
    },
  };
}
