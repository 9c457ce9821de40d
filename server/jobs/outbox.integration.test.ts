// Durable work after a response (issue 12, finding 1): the start step's lookup and `reset.started`, and a
// code's delivery with `reset.codeSent`, are outbox jobs written in the state change's own transaction. A
// process killed right after the response (its in-process run never happened) loses nothing: after a
// restart the sweep sends the SMS and writes the audit entry, exactly once.
import { beforeEach, describe, expect, it } from 'vitest';
import { setUpTestDatabase } from '../database/set-up-test-database';
import {
  adele,
  codeIn,
  memoryDirectory,
  passwordAndPush,
  settleBackgroundTasks,
  testResetDependencies,
} from '../reset/reset-test-support';
import { startResetSession } from '../reset/start-reset-session';
import { sendVerificationCode } from '../reset/verification-codes';
import { configureOutbox, outboxCounts, outboxLockSeconds, sweepOutbox } from './outbox';
import { resetOutboxHandlers } from './reset-outbox-handlers';

const testDb = setUpTestDatabase();
const origin = { ip: '203.0.113.10', userAgent: 'vitest' };

beforeEach(async () => {
  await testDb.db.auditEvent.deleteMany({});
  await testDb.db.outboxJob.deleteMany({});
});

const directory = () => memoryDirectory([{ user: adele, methods: passwordAndPush }]);
const count = async (action: string) => testDb.db.auditEvent.count({ where: { action } });

describe('a process killed after the response (kill -9)', () => {
  it('start and send-code: after a restart the SMS and the audit entries still happen, exactly once', async () => {
    // The dying process: it answered, then died before its in-process runs started.
    const dying = testResetDependencies(testDb.db, directory(), { inBackground: () => undefined });
    const { token } = await startResetSession(dying, { purpose: 'reset', username: adele.userPrincipalName, origin });
    await sendVerificationCode(dying, { token, service: 'sms', locale: 'en', origin });
    expect(await count('reset.started')).toBe(0);
    expect(dying.captured.sms).toEqual([]);
    expect(await outboxCounts(testDb.db)).toEqual({ pending: 2, failed: 0 });

    // The restarted process sweeps once the dead writer's claim has run out.
    const restarted = testResetDependencies(testDb.db, directory());
    restarted.clock.now = new Date(dying.clock.now.getTime() + (outboxLockSeconds + 1) * 1000);
    const handlers = resetOutboxHandlers(restarted);
    // The started job first (it resolves the account the delivery needs), then the code.
    expect(await sweepOutbox(restarted, handlers)).toBe(2);
    expect(await sweepOutbox(restarted, handlers)).toBe(0);
    expect(restarted.captured.sms).toHaveLength(1);
    expect(restarted.captured.sms[0]?.to).toBe(adele.mobilePhone);
    expect(codeIn(restarted.captured.sms[0]?.body ?? '')).toMatch(/^\d{8}$/);
    expect(await count('reset.started')).toBe(1);
    expect(await count('reset.codeSent')).toBe(1);
    expect(await outboxCounts(testDb.db)).toEqual({ pending: 0, failed: 0 });
  });

  it('a live process runs its jobs at once, and a later sweep does not run them again', async () => {
    const deps = testResetDependencies(testDb.db, directory());
    const { token } = await startResetSession(deps, { purpose: 'reset', username: adele.userPrincipalName, origin });
    await settleBackgroundTasks();
    await sendVerificationCode(deps, { token, service: 'sms', locale: 'en', origin });
    await settleBackgroundTasks();
    deps.clock.now = new Date(deps.clock.now.getTime() + (outboxLockSeconds + 1) * 1000);
    expect(await sweepOutbox(deps, resetOutboxHandlers(deps))).toBe(0);
    expect(deps.captured.sms).toHaveLength(1);
    expect(await count('reset.codeSent')).toBe(1);
  });

  it('a delivery that fails (SMS gateway down) is retried with backoff until it goes through', async () => {
    const deps = testResetDependencies(testDb.db, directory());
    const { token } = await startResetSession(deps, { purpose: 'reset', username: adele.userPrincipalName, origin });
    await settleBackgroundTasks();
    const send = deps.sendSms;
    deps.sendSms = async () => {
      throw new Error('gateway refused');
    };
    await sendVerificationCode(deps, { token, service: 'sms', locale: 'en', origin });
    await settleBackgroundTasks();
    expect(await outboxCounts(testDb.db)).toEqual({ pending: 1, failed: 0 });
    deps.sendSms = send;
    // Not before its backoff (2 s after the first attempt) ...
    expect(await sweepOutbox(deps, resetOutboxHandlers(deps))).toBe(0);
    deps.clock.now = new Date(deps.clock.now.getTime() + 3000);
    expect(await sweepOutbox(deps, resetOutboxHandlers(deps))).toBe(1);
    expect(deps.captured.sms).toHaveLength(1);
    expect(await count('reset.codeSent')).toBe(1);
  });
});

it('the code waiting in the outbox is sealed, never stored in clear', async () => {
  const dying = testResetDependencies(testDb.db, directory(), { inBackground: () => undefined });
  const { token } = await startResetSession(dying, { purpose: 'reset', username: adele.userPrincipalName, origin });
  await sendVerificationCode(dying, { token, service: 'sms', locale: 'en', origin });
  const restarted = testResetDependencies(testDb.db, directory());
  restarted.clock.now = new Date(dying.clock.now.getTime() + (outboxLockSeconds + 1) * 1000);
  const rows = await testDb.db.outboxJob.findMany();
  await sweepOutbox(restarted, resetOutboxHandlers(restarted));
  const code = codeIn(restarted.captured.sms[0]?.body ?? '');
  expect(JSON.stringify(rows)).not.toContain(code);
});

it('the claim lease is the configured JOB_LEASE_SECONDS: a dead writer’s job is taken over after it, not before', async () => {
  configureOutbox(testDb.db, { leaseSeconds: 15 });
  try {
    const dying = testResetDependencies(testDb.db, directory(), { inBackground: () => undefined });
    const { token } = await startResetSession(dying, { purpose: 'reset', username: adele.userPrincipalName, origin });
    await sendVerificationCode(dying, { token, service: 'sms', locale: 'en', origin });
    const restarted = testResetDependencies(testDb.db, directory());
    restarted.clock.now = new Date(dying.clock.now.getTime() + 14_000);
    expect(await sweepOutbox(restarted, resetOutboxHandlers(restarted))).toBe(0);
    restarted.clock.now = new Date(dying.clock.now.getTime() + 16_000);
    expect(await sweepOutbox(restarted, resetOutboxHandlers(restarted))).toBe(2);
    expect(restarted.captured.sms).toHaveLength(1);
  } finally {
    configureOutbox(testDb.db, { leaseSeconds: outboxLockSeconds });
  }
});
