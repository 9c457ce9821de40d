import fs from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { canonicalEntryText, genesisHash, unkeyedHashKeyId } from '../../lib/audit/hash-chain';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { appendAuditEvent, type AuditEventInput } from './append-audit-event';
import { auditHmacKeysSchema, auditKeyringFrom } from './audit-hmac-keys';
import { writeAuditCheckpoint } from './audit-checkpoints';
import type { AuditSettings } from './audit-settings';
import { sha256Hex } from './sha256-hex';
import { newCheckpointKeyPem, newHmacKey, testAuditSettings } from './test-audit-settings';
import { verifyAuditChain } from './verify-audit-chain';

const testDb = setUpTestDatabase();

const at = new Date('2026-11-25T10:00:00Z');
let settings: AuditSettings;
beforeEach(async () => {
  await testDb.db.auditEvent.deleteMany({});
  settings = testAuditSettings();
});

const event = (i: number, action = 'desk.search'): AuditEventInput => ({
  occurredAt: at,
  actorType: 'agent',
  actorId: 'agent-1',
  subjectId: 'user-1',
  action,
  outcome: 'info',
  details: { i },
});

async function appendMany(count: number, keyring = settings.keyring, action?: string) {
  for (let i = 0; i < count; i++) await appendAuditEvent(testDb.db, event(i, action), keyring);
}

/** The attacker of finding 4: writes to the database, knows the code, has no key. Re-links every entry
 * from `fromIndex` on with plain SHA-256, as the unkeyed chain allowed. */
async function rehashWithoutKey(fromIndex: number, relabelAsUnkeyed: boolean) {
  const rows = await testDb.db.auditEvent.findMany({ orderBy: { seq: 'asc' } });
  let previous = rows[fromIndex - 1]?.hash ?? genesisHash;
  for (const row of rows.slice(fromIndex)) {
    const forged = { ...row, previousHash: previous, hashKeyId: relabelAsUnkeyed ? unkeyedHashKeyId : row.hashKeyId };
    const hash = sha256Hex(canonicalEntryText(forged));
    await testDb.db.auditEvent.update({
      where: { seq: row.seq },
      data: { previousHash: forged.previousHash, hashKeyId: forged.hashKeyId, hash },
    });
    previous = hash;
  }
}

describe(`keyed audit chain (${process.env.TEST_DATABASE_URL ? 'configured database' : 'SQLite'})`, () => {
  it('ASVS5 16.3: an edited supervisor approval is detected even after the attacker recomputes the SHA-256 chain', async () => {
    await appendMany(2);
    await appendAuditEvent(testDb.db, { ...event(2, 'desk.approval.granted'), outcome: 'success' }, settings.keyring);
    await appendMany(2);
    expect(await verifyAuditChain(testDb.db, settings)).toMatchObject({ entries: 5, intact: true });

    const approval = await testDb.db.auditEvent.findFirstOrThrow({ where: { action: 'desk.approval.granted' } });
    await testDb.db.auditEvent.update({
      where: { seq: approval.seq },
      data: { actorId: 'supervisor-who-never-approved', detailsJson: '{"caseId":"c-1"}' },
    });
    await rehashWithoutKey(2, false);
    const report = await verifyAuditChain(testDb.db, settings);
    expect(report.intact).toBe(false);
    expect(report.firstBreak).toMatchObject({ index: 2, seq: approval.seq, reason: 'hashMismatch' });
  });

  it('ASVS5 16.3: relabelling the whole chain as unkeyed is detected against the signed checkpoint', async () => {
    await appendMany(4);
    await writeAuditCheckpoint(testDb.db, settings, at);
    await rehashWithoutKey(0, true);
    const report = await verifyAuditChain(testDb.db, settings);
    expect(report.firstBreak).toBeNull(); // a consistent unkeyed chain: only the checkpoint can tell
    expect(report.intact).toBe(false);
    expect(report.checkpointProblem).toMatchObject({ kind: 'checkpointMismatch' });
  });

  it('ASVS5 16.3: deleting the newest entries is reported as truncation against the latest checkpoint', async () => {
    await appendMany(5);
    const checkpoint = await writeAuditCheckpoint(testDb.db, settings, at);
    expect(await verifyAuditChain(testDb.db, settings)).toMatchObject({ intact: true, isAnchored: true });
    const newest = await testDb.db.auditEvent.findMany({ orderBy: { seq: 'desc' }, take: 2 });
    await testDb.db.auditEvent.deleteMany({ where: { seq: { in: newest.map((row) => row.seq) } } });
    const report = await verifyAuditChain(testDb.db, settings);
    expect(report.firstBreak).toBeNull(); // what is left is a valid prefix of the chain
    expect(report.intact).toBe(false);
    expect(report.checkpointProblem).toMatchObject({
      kind: 'truncated',
      checkpoint: { seq: checkpoint.seq, entries: 5 },
      entriesNow: 3,
    });
  });

  it('a log without checkpoint is consistent but not anchored; entries after the checkpoint are counted', async () => {
    await appendMany(2);
    expect(await verifyAuditChain(testDb.db, settings)).toMatchObject({
      intact: true,
      isAnchored: false,
      latestCheckpoint: null,
    });
    await writeAuditCheckpoint(testDb.db, settings, at);
    await appendMany(3);
    expect(await verifyAuditChain(testDb.db, settings)).toMatchObject({
      intact: true,
      isAnchored: true,
      entriesAfterCheckpoint: 3,
    });
  });

  it('rotation: entries hashed with the previous key still verify once a new key signs', async () => {
    const oldKey = newHmacKey('2026-q3');
    const newKey = newHmacKey('2026-q4');
    await appendMany(3, auditKeyringFrom(auditHmacKeysSchema.parse(oldKey)));
    const rotated = { ...settings, keyring: auditKeyringFrom(auditHmacKeysSchema.parse(`${newKey},${oldKey}`)) };
    await appendMany(2, rotated.keyring);
    const rows = await testDb.db.auditEvent.findMany({ orderBy: { seq: 'asc' } });
    expect(rows.map((row) => row.hashKeyId)).toEqual(['2026-q3', '2026-q3', '2026-q3', '2026-q4', '2026-q4']);
    expect(await verifyAuditChain(testDb.db, rotated)).toMatchObject({ entries: 5, intact: true });
    const oldKeyDropped = { ...settings, keyring: auditKeyringFrom(auditHmacKeysSchema.parse(newKey)) };
    expect((await verifyAuditChain(testDb.db, oldKeyDropped)).firstBreak).toMatchObject({
      index: 0,
      reason: 'unknownKey',
    });
  });

  it('a checkpoint line signed by another key is reported as forged', async () => {
    await appendMany(2);
    await writeAuditCheckpoint(testDb.db, settings, at);
    const impostor = testAuditSettings({
      checkpointKeyPem: newCheckpointKeyPem(),
      chain: settings.chain,
      checkpointFile: settings.checkpointFile,
    });
    await writeAuditCheckpoint(testDb.db, impostor, at);
    const report = await verifyAuditChain(testDb.db, settings);
    expect(report).toMatchObject({ intact: false, forgedCheckpointLines: [2] });
    expect(fs.readFileSync(settings.checkpointFile, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('entries written before keying verify as unkeyed, and an unkeyed entry after a keyed one is a break', async () => {
    // Two entries as the unkeyed chain wrote them (the migration labels them "sha256").
    let previous = genesisHash;
    for (let i = 0; i < 2; i++) {
      const row = {
        id: `legacy-${i}`,
        occurredAt: at,
        actorType: 'system',
        actorId: null,
        subjectId: null,
        action: 'legacy',
        outcome: 'info',
        ip: null,
        userAgent: null,
        detailsJson: '{}',
        previousHash: previous,
        hashKeyId: unkeyedHashKeyId,
      };
      const hash = sha256Hex(canonicalEntryText(row));
      await testDb.db.auditEvent.create({ data: { ...row, hash } });
      previous = hash;
    }
    await appendMany(2);
    expect(await verifyAuditChain(testDb.db, settings)).toMatchObject({
      intact: true,
      unkeyedEntries: 2,
      isAnchored: false,
    });
    await writeAuditCheckpoint(testDb.db, settings, at);
    expect(await verifyAuditChain(testDb.db, settings)).toMatchObject({ intact: true, isAnchored: true });
    await rehashWithoutKey(3, true);
    expect((await verifyAuditChain(testDb.db, settings)).firstBreak).toMatchObject({
      index: 3,
      reason: 'unkeyedAfterKeyed',
    });
  });

  it('detects a deleted entry in the middle', async () => {
    await appendMany(3);
    const middle = await testDb.db.auditEvent.findFirstOrThrow({ orderBy: { seq: 'asc' }, skip: 1 });
    await testDb.db.auditEvent.delete({ where: { seq: middle.seq } });
    expect((await verifyAuditChain(testDb.db, settings)).firstBreak).toMatchObject({
      index: 1,
      reason: 'previousHashMismatch',
    });
  });

  it('keeps one linear chain under 300 concurrent appends (no entry lost)', async () => {
    await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        appendAuditEvent(
          testDb.db,
          { occurredAt: at, actorType: 'system', action: 'race', outcome: 'info', details: { i } },
          settings.keyring,
        ),
      ),
    );
    expect(await verifyAuditChain(testDb.db, settings)).toMatchObject({ entries: 300, intact: true });
  });

  it('appends that arrive together are grouped yet keep the order of the calls', async () => {
    const appended = await Promise.all(
      Array.from({ length: 120 }, (_, i) => appendAuditEvent(testDb.db, event(i), settings.keyring)),
    );
    const rows = await testDb.db.auditEvent.findMany({ orderBy: { seq: 'asc' } });
    expect(rows.map((row) => JSON.parse(row.detailsJson).i)).toEqual(Array.from({ length: 120 }, (_, i) => i));
    expect(rows.map((row) => row.hash)).toEqual(appended.map((entry) => entry.hash));
    expect(await verifyAuditChain(testDb.db, settings)).toMatchObject({ entries: 120, intact: true });
  });

  it('an entry that cannot be signed fails alone: the others of its group are appended', async () => {
    const unsigned = { ...settings.keyring, signingKeyId: 'not-configured' };
    const results = await Promise.allSettled([
      appendAuditEvent(testDb.db, event(0), settings.keyring),
      appendAuditEvent(testDb.db, event(1), settings.keyring),
      appendAuditEvent(testDb.db, event(2), unsigned),
      appendAuditEvent(testDb.db, event(3), settings.keyring),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await verifyAuditChain(testDb.db, settings)).toMatchObject({ entries: 3, intact: true });
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
