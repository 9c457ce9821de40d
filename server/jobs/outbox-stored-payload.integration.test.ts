// A job row whose payload is not what its writer stored (a hand edit, an older shape): the run fails with one
// AppError('INTERNAL', storedDataInvalid) naming the job, recorded on the row for the operator, and the handler
// does nothing (no SMS, no audit entry). Never a SyntaxError, nor a ZodError that would read as bad input.
import { beforeEach, describe, expect, it } from 'vitest';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { adele, memoryDirectory, passwordAndPush, testResetDependencies } from '../reset/reset-test-support';
import { auditResetJob } from '../reset/reset-audit';
import { deliverCodeJob } from '../reset/verification-codes';
import { outboxJob, outboxLockSeconds, runOutboxJob } from './outbox';
import { resetOutboxHandlers } from './reset-outbox-handlers';

const testDb = setUpTestDatabase();
beforeEach(async () => {
  await testDb.db.outboxJob.deleteMany({});
});

const deps = () => testResetDependencies(testDb.db, memoryDirectory([{ user: adele, methods: passwordAndPush }]));

async function storedJob(name: string, payloadJson: string, now: Date) {
  const job = outboxJob({ name, key: `test:${name}:${payloadJson}`, payload: {}, now });
  const row = { id: job.id, key: job.key, name: job.name, createdAt: job.createdAt, payloadJson };
  await testDb.db.outboxJob.create({ data: { ...row, lockedUntil: null } });
  return row.id;
}

describe('outbox payloads are checked when read back', () => {
  it.each([
    ['not JSON', deliverCodeJob, '{"sealedCode":'],
    ['not an object', deliverCodeJob, '[1,2]'],
    ['the wrong shape for its handler', deliverCodeJob, JSON.stringify({ sealedCode: 7, service: 'sms' })],
    ['the wrong shape for the audit handler', auditResetJob, JSON.stringify({ action: 'reset.started' })],
  ])('a payload that is %s fails as storedDataInvalid, recorded on the row', async (_, name, payloadJson) => {
    const d = deps();
    const id = await storedJob(name, payloadJson, d.clock.now);
    await expect(runOutboxJob(d, id, resetOutboxHandlers(d))).rejects.toMatchObject({
      code: 'INTERNAL',
      details: { reason: 'storedDataInvalid', source: `OutboxJob ${name}` },
    });
    const row = await testDb.db.outboxJob.findUniqueOrThrow({ where: { id } });
    expect(JSON.parse(row.lastError ?? '{}')).toMatchObject({
      kind: 'appError',
      code: 'INTERNAL',
      reason: 'storedDataInvalid',
      source: `OutboxJob ${name}`,
    });
    expect(row.completedAt).toBeNull();
    expect(row.lockedUntil?.getTime()).toBeLessThan(d.clock.now.getTime() + outboxLockSeconds * 1000);
    expect(d.captured.sms).toEqual([]);
    expect(await testDb.db.auditEvent.count()).toBe(0);
  });
});
