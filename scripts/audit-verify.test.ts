import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent } from '../server/audit/append-audit-event';
import { createTestDatabase, type TestDatabase } from '../server/database/test-database';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

function runScript(url: string): { status: number; output: string } {
  try {
    return {
      status: 0,
      output: execFileSync('npx', ['tsx', 'scripts/audit-verify.ts'], {
        env: { ...process.env, DATABASE_URL: url },
        encoding: 'utf8',
        stdio: 'pipe',
      }),
    };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, output: failed.stdout };
  }
}

describe('npm run audit:verify (ASVS5 16.3)', () => {
  it('exits 0 on an intact chain and 1 with a clear message after tampering', async () => {
    for (let i = 0; i < 3; i++)
      await appendAuditEvent(testDb.db, {
        occurredAt: new Date('2026-11-26T09:00:00Z'),
        actorType: 'agent',
        actorId: 'a',
        action: 'desk.search',
        outcome: 'info',
        details: { i },
      });
    const intact = runScript(testDb.url);
    expect(intact).toMatchObject({ status: 0 });
    expect(intact.output).toContain('chain intact, 3 entries');
    const second = await testDb.db.auditEvent.findFirstOrThrow({ orderBy: { seq: 'asc' }, skip: 1 });
    await testDb.db.auditEvent.update({ where: { seq: second.seq }, data: { outcome: 'success' } });
    const broken = runScript(testDb.url);
    expect(broken.status).toBe(1);
    expect(broken.output).toContain('CHAIN BROKEN at entry #2 of 3');
    expect(broken.output).toContain('edited');
  }, 60_000);
});
