import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../database/test-database';
import { appendAuditEvent } from './append-audit-event';
import { verifyAuditChain } from './verify-audit-chain';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

const at = new Date('2026-11-25T10:00:00Z');

describe(`audit log hash chain (${process.env.TEST_DATABASE_URL ? 'configured database' : 'SQLite'})`, () => {
  it('detects an edited entry (ASVS5 16.3: audit log integrity)', async () => {
    const { db } = testDb;
    for (let i = 0; i < 5; i++) {
      await appendAuditEvent(db, {
        occurredAt: at,
        actorType: 'agent',
        actorId: 'agent-1',
        subjectId: 'user-1',
        action: 'desk.search',
        outcome: 'info',
        details: { i },
      });
    }
    expect(await verifyAuditChain(db)).toMatchObject({ entries: 5, intact: true });
    const third = await db.auditEvent.findFirstOrThrow({ where: {}, orderBy: { seq: 'asc' }, skip: 2 });
    await db.auditEvent.update({ where: { seq: third.seq }, data: { outcome: 'success' } });
    const report = await verifyAuditChain(db);
    expect(report.intact).toBe(false);
    expect(report.firstBreak).toMatchObject({ index: 2, reason: 'hashMismatch' });
  });

  it('detects a deleted entry', async () => {
    const { db } = testDb;
    await db.auditEvent.deleteMany({});
    for (let i = 0; i < 3; i++)
      await appendAuditEvent(db, { occurredAt: at, actorType: 'system', action: 'test', outcome: 'info' });
    const middle = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: 'asc' }, skip: 1 });
    await db.auditEvent.delete({ where: { seq: middle.seq } });
    expect((await verifyAuditChain(db)).firstBreak).toMatchObject({ index: 1, reason: 'previousHashMismatch' });
  });

  it('keeps one linear chain under 300 concurrent appends (no entry lost)', async () => {
    const { db } = testDb;
    await db.auditEvent.deleteMany({});
    await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        appendAuditEvent(db, { occurredAt: at, actorType: 'system', action: 'race', outcome: 'info', details: { i } }),
      ),
    );
    expect(await verifyAuditChain(db)).toMatchObject({ entries: 300, intact: true });
  });

  it('stores and versions a policy set', async () => {
    const { db } = testDb;
    const now = new Date('2026-11-25T12:00:00Z');
    await db.policySet.create({ data: { id: 'ps-1', name: 'Demo', createdAt: now, updatedAt: now } });
    await db.policySetVersion.create({
      data: { id: 'v1', policySetId: 'ps-1', version: 1, createdAt: now, policiesJson: '[]' },
    });
    await expect(
      db.policySetVersion.create({
        data: { id: 'v1b', policySetId: 'ps-1', version: 1, createdAt: now, policiesJson: '[]' },
      }),
    ).rejects.toMatchObject({ code: 'P2002' });
    expect(await db.policySetVersion.count({ where: { policySetId: 'ps-1' } })).toBe(1);
  });
});
