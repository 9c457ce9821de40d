import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appendAuditEvent } from '../server/audit/append-audit-event';
import { auditHmacKeysSchema, auditKeyringFrom } from '../server/audit/audit-hmac-keys';
import { newCheckpointKeyPem, newHmacKey } from '../server/audit/test-audit-settings';
import { createTestDatabase, type TestDatabase } from '../server/database/test-database';

let testDb: TestDatabase;
let env: Record<string, string>;
beforeAll(async () => {
  testDb = await createTestDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-audit-cli-'));
  fs.writeFileSync(path.join(dir, 'checkpoint.pem'), newCheckpointKeyPem(), { mode: 0o600 });
  env = {
    DATABASE_URL: testDb.url,
    AUDIT_HMAC_KEYS: newHmacKey('k1'),
    AUDIT_CHECKPOINT_KEY_FILE: path.join(dir, 'checkpoint.pem'),
    AUDIT_CHECKPOINT_FILE: path.join(dir, 'checkpoints.jsonl'),
  };
});
afterAll(async () => {
  await testDb?.drop();
});

function runScript(script: string): { status: number; output: string } {
  try {
    return {
      status: 0,
      output: execFileSync('npx', ['tsx', script], {
        env: { ...process.env, ...env },
        encoding: 'utf8',
        stdio: 'pipe',
      }),
    };
  } catch (error) {
    // execFileSync throws an Error carrying the exit status and, with an encoding, the captured stdout.
    const failed = z.object({ status: z.number(), stdout: z.string() }).parse(error);
    return { status: failed.status, output: failed.stdout };
  }
}

describe('npm run audit:verify and audit:checkpoint (ASVS5 16.3)', () => {
  it('exits 3 before any checkpoint, 0 once anchored, 1 naming the truncation after the newest entries are deleted, 1 after an edit', async () => {
    const keyring = auditKeyringFrom(auditHmacKeysSchema.parse(env.AUDIT_HMAC_KEYS!));
    for (let i = 0; i < 4; i++)
      await appendAuditEvent(
        testDb.db,
        {
          occurredAt: new Date('2026-11-26T09:00:00Z'),
          actorType: 'agent',
          actorId: 'a',
          action: 'desk.search',
          outcome: 'info',
          details: { i },
        },
        keyring,
      );
    const unanchored = runScript('scripts/audit-verify.ts');
    expect(unanchored.status).toBe(3);
    expect(unanchored.output).toContain('NOT ANCHORED');

    const checkpoint = runScript('scripts/audit-checkpoint.ts');
    expect(checkpoint).toMatchObject({ status: 0 });
    expect(checkpoint.output).toMatch(/audit:checkpoint: seq \d+ \(4 entries/);

    const intact = runScript('scripts/audit-verify.ts');
    expect(intact.status).toBe(0);
    expect(intact.output).toContain('chain intact, 4 entries checked with keys k1; latest checkpoint seq');

    const newest = await testDb.db.auditEvent.findFirstOrThrow({ orderBy: { seq: 'desc' } });
    await testDb.db.auditEvent.delete({ where: { seq: newest.seq } });
    const truncated = runScript('scripts/audit-verify.ts');
    expect(truncated.status).toBe(1);
    expect(truncated.output).toContain('TRUNCATED');
    expect(truncated.output).toContain('now ends at seq');

    const second = await testDb.db.auditEvent.findFirstOrThrow({ orderBy: { seq: 'asc' }, skip: 1 });
    await testDb.db.auditEvent.update({ where: { seq: second.seq }, data: { outcome: 'success' } });
    const broken = runScript('scripts/audit-verify.ts');
    expect(broken.status).toBe(1);
    expect(broken.output).toContain('CHAIN BROKEN at entry #2 of 3');
    expect(broken.output).toContain('edited');
  }, 90_000);

  it('exits 2 naming the variable when the keys are malformed', () => {
    const saved = env.AUDIT_HMAC_KEYS!;
    env.AUDIT_HMAC_KEYS = 'k1:c2hvcnQ=';
    try {
      const result = runScript('scripts/audit-verify.ts');
      expect(result.status).toBe(2);
      expect(result.output).toContain('Invalid environment variable AUDIT_HMAC_KEYS');
    } finally {
      env.AUDIT_HMAC_KEYS = saved;
    }
  }, 30_000);
});
