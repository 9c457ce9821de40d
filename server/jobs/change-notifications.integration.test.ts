// Change notifications are outbox jobs in the transaction that records the change (issue 12): a process
// that dies (or whose job runner is stopped) right after the commit still gets the e-mail out after a
// restart, through real SMTP to the development sink, exactly once per event, and the audit entry too.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDevSink, type DevSink } from '../../dev-sink/create-dev-sink';
import { newTotp, totpCodeAt } from '../account/totp';
import { sealSecret } from '../account/sealed-secret';
import { createTestDatabase, type TestDatabase } from '../database/test-database';
import { changePassword } from '../reset/change-password';
import { reconcileExpiredWrites } from '../reset/directory-write-intent';
import {
  adele,
  codeIn,
  memoryDirectory,
  passwordAndPush,
  settleBackgroundTasks,
  testResetDependencies,
  type MemoryDirectory,
} from '../reset/reset-test-support';
import type { ResetDependencies } from '../reset/reset-dependencies';
import { signOutOtherSessions } from '../reset/sign-out-other-sessions';
import { startResetSession } from '../reset/start-reset-session';
import { unlockAccount } from '../reset/unlock-account';
import { checkVerificationCode, sendVerificationCode } from '../reset/verification-codes';
import { verifyTotp } from '../reset/verify-totp';
import { outboxCounts, outboxLockSeconds, sweepOutbox } from './outbox';
import { resetOutboxHandlers } from './reset-outbox-handlers';

let testDb: TestDatabase;
let sink: DevSink;
let directory: MemoryDirectory;
const origin = { ip: '203.0.113.12', userAgent: 'vitest' };
const newPassword = 'Blue-Harbour-Lantern-82';

beforeAll(async () => {
  testDb = await createTestDatabase();
  sink = await startDevSink({ smtpPort: 0, httpPort: 0 });
});
afterAll(async () => {
  await sink?.close();
  await testDb?.drop();
});
beforeEach(async () => {
  await testDb.db.auditEvent.deleteMany({});
  await testDb.db.outboxJob.deleteMany({});
  sink.store.emails.length = 0;
  directory = memoryDirectory([{ user: adele, methods: passwordAndPush }]);
});

/** The portal's e-mail path for real: nodemailer over SMTP to the development sink. */
function smtpToSink(): ResetDependencies['sendEmail'] {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.smtpPort, secure: false });
  return async (message) => {
    await transport.sendMail({ from: 'verity@contoso.test', ...message });
  };
}

/** A process whose job runner never runs what it committed: it answers, then dies. */
function dyingProcess() {
  const deps = testResetDependencies(testDb.db, directory, { sendEmail: smtpToSink(), inBackground: () => undefined });
  directory.now = () => deps.now();
  return deps;
}

function restartedAfter(dying: { clock: { now: Date } }) {
  const deps = testResetDependencies(testDb.db, directory, { sendEmail: smtpToSink() });
  deps.clock.now = new Date(dying.clock.now.getTime() + (outboxLockSeconds + 1) * 1000);
  return deps;
}

async function verifiedSession(deps: ReturnType<typeof testResetDependencies>, purpose: 'reset' | 'unlock') {
  const { token } = await startResetSession(deps, { purpose, username: adele.userPrincipalName, origin });
  await sweepOutbox({ ...deps, now: () => new Date(deps.now().getTime() + 120_000) }, resetOutboxHandlers(deps));
  await testDb.db.portalCredential.deleteMany({ where: { userId: adele.id } });
  const { secretBase32 } = newTotp('adele');
  await testDb.db.portalCredential.create({
    data: {
      id: crypto.randomUUID(),
      userId: adele.id,
      kind: 'totp',
      secretSealed: sealSecret(deps.settings.secret, secretBase32),
      createdAt: deps.now(),
    },
  });
  const sent: string[] = [];
  const verifying = { ...deps, sendSms: async (m: { body: string }) => void sent.push(m.body) };
  await sendVerificationCode(verifying, { token, service: 'sms', locale: 'en', origin });
  await sweepOutbox(
    { ...verifying, now: () => new Date(deps.now().getTime() + 120_000) },
    resetOutboxHandlers(verifying),
  );
  await checkVerificationCode(deps, { token, service: 'sms', code: codeIn(sent.at(-1) ?? ''), origin });
  await verifyTotp(deps, { token, code: totpCodeAt(secretBase32, deps.now()), origin });
  return token;
}

const sunk = (subject: RegExp) => sink.store.emails.filter((mail) => subject.test(mail.subject));
const count = async (action: string) => testDb.db.auditEvent.count({ where: { action } });

describe('the job runner stops right after the change is committed', () => {
  it('password changed: after a restart the e-mail reaches the mailbox once, and reset.passwordChanged once', async () => {
    const dying = dyingProcess();
    const token = await verifiedSession(dying, 'reset');
    await changePassword(dying, { token, password: newPassword, confirmation: newPassword, locale: 'en', origin });
    expect(directory.passwordWrites).toHaveLength(1);
    expect(sunk(/password/i)).toEqual([]);
    expect(await outboxCounts(testDb.db)).toMatchObject({ pending: 1 });

    const restarted = restartedAfter(dying);
    expect(await sweepOutbox(restarted, resetOutboxHandlers(restarted))).toBe(1);
    // Later sweeps, and reconciliation on every instance, do not send it again.
    restarted.clock.now = new Date(restarted.clock.now.getTime() + 3600_000);
    expect(await sweepOutbox(restarted, resetOutboxHandlers(restarted))).toBe(0);
    expect(await reconcileExpiredWrites(restarted)).toBe(0);
    const mails = sunk(/password/i);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toEqual([adele.alternateEmail]);
    expect(mails[0]?.text).not.toContain(newPassword);
    expect(await count('reset.passwordChanged')).toBe(1);
  });

  it('account unlocked: the notice is delivered once after the restart', async () => {
    const dying = dyingProcess();
    const token = await verifiedSession(dying, 'unlock');
    await unlockAccount(dying, { token, locale: 'fr', origin });
    expect(sink.store.emails).toEqual([]);
    const restarted = restartedAfter(dying);
    expect(await sweepOutbox(restarted, resetOutboxHandlers(restarted))).toBe(1);
    expect(await sweepOutbox(restarted, resetOutboxHandlers(restarted))).toBe(0);
    expect(sink.store.emails).toHaveLength(1);
    expect(await count('unlock.completed')).toBe(1);
  });

  it('other sessions signed out: the notice is delivered once after the restart', async () => {
    const live = testResetDependencies(testDb.db, directory, { sendEmail: smtpToSink() });
    directory.now = () => live.now();
    const token = await verifiedSession(live, 'reset');
    await changePassword(live, { token, password: newPassword, confirmation: newPassword, locale: 'en', origin });
    await settleBackgroundTasks();
    sink.store.emails.length = 0;
    const dying = { ...live, inBackground: () => undefined };
    await signOutOtherSessions(dying, { token, locale: 'en', origin });
    expect(directory.revocations).toEqual([adele.id]);
    expect(sink.store.emails).toEqual([]);
    const restarted = restartedAfter(live);
    expect(await sweepOutbox(restarted, resetOutboxHandlers(restarted))).toBe(1);
    expect(await sweepOutbox(restarted, resetOutboxHandlers(restarted))).toBe(0);
    expect(sink.store.emails).toHaveLength(1);
    expect(await count('reset.otherSessionsRevoked')).toBe(1);
  });

  it('SMTP refuses the first delivery: retried with backoff, delivered once', async () => {
    const live = testResetDependencies(testDb.db, directory, { sendEmail: smtpToSink() });
    directory.now = () => live.now();
    const token = await verifiedSession(live, 'reset');
    const refusing = {
      ...live,
      sendEmail: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:25');
      },
    };
    await changePassword(refusing, { token, password: newPassword, confirmation: newPassword, locale: 'en', origin });
    await settleBackgroundTasks();
    expect(await outboxCounts(testDb.db)).toMatchObject({ pending: 1 });
    live.clock.now = new Date(live.clock.now.getTime() + 3000);
    expect(await sweepOutbox(live, resetOutboxHandlers(live))).toBe(1);
    expect(sunk(/password/i)).toHaveLength(1);
    expect(await count('reset.passwordChanged')).toBe(1);
  });
});
