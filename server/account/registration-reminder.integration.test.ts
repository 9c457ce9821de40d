// /admin/readiness's "send a registration reminder" (issue 14), through the server-action pipeline against a real
// database: Portal.Admin only, origin-checked, queued once per user and day as an outbox job, delivered by real SMTP
// to the development sink, audited.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDevSink, type DevSink } from '../../dev-sink/create-dev-sink';
import { sendRegistrationReminderAction } from '../../app/admin/readiness/actions';
import { createTestDatabase, type TestDatabase } from '../database/test-database';
import { testActors, testServices, testWiring } from '../context/test-services';
import type { Messenger, PortalActor, PortalServices } from '../context/portal-context';
import { sweepOutbox } from '../jobs/outbox';
import { portalOutboxHandlers } from '../jobs/portal-outbox-handlers';
import { settleBackgroundTasks } from '../reset/background-tasks';

let testDb: TestDatabase;
let sink: DevSink;
let services: PortalServices;

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
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.smtpPort, secure: false });
  const messenger: Messenger = {
    sendEmail: async (message) => void (await transport.sendMail({ from: 'verity@contoso.test', ...message })),
    sendSms: async () => undefined,
  };
  services = testServices(testDb.db, { messenger }).services;
});

const remind = (actor: PortalActor | null, userId: string, site = 'same-origin') => {
  const form = new FormData();
  form.append('userId', userId);
  return sendRegistrationReminderAction.run(form, new Headers({ 'sec-fetch-site': site }), testWiring(services, actor));
};

describe('send a registration reminder', () => {
  it('is queued once however often it is clicked, delivered to the sink once per address, and audited', async () => {
    expect(await remind(testActors.admin, 'u-pradeep')).toEqual({
      redirectTo: '/admin/readiness?reminded=u-pradeep&result=queued#reminder-status',
    });
    expect(await remind(testActors.admin, 'u-pradeep')).toEqual({
      redirectTo: '/admin/readiness?reminded=u-pradeep&result=alreadyQueued#reminder-status',
    });
    await settleBackgroundTasks();
    const jobs = await testDb.db.outboxJob.findMany({});
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ name: 'account.registrationReminder', completedAt: expect.any(Date) });
    // A later sweep finds nothing to send again.
    expect(await sweepOutbox({ db: testDb.db, now: () => new Date() }, portalOutboxHandlers(services))).toBe(0);
    const mails = sink.store.emails;
    expect(mails.flatMap((mail) => mail.to).sort()).toEqual([
      'pradeep.gupta@contoso.test',
      'pradeep.gupta@personal.test',
    ]);
    expect(mails[0]?.subject).toContain('reset your password');
    expect(mails[0]?.text).toContain('Hello Pradeep Gupta, your administrator Admin asks you');
    expect(mails[0]?.text).toContain('https://portal.contoso.test/account');
    const audit = await testDb.db.auditEvent.findMany({ where: { action: 'admin.registrationReminder' } });
    expect(audit.map((entry) => [entry.actorId, entry.subjectId, entry.outcome])).toEqual([
      ['u-admin', 'u-pradeep', 'success'],
      ['u-admin', 'u-pradeep', 'info'],
    ]);
  });

  it('is refused to a desk agent and across sites, audited, and nothing is queued', async () => {
    const agent = await remind(testActors.agent, 'u-pradeep');
    expect(agent).toEqual({ state: expect.objectContaining({ reason: 'missingRole' }) });
    const crossSite = await remind(testActors.admin, 'u-pradeep', 'cross-site');
    expect(crossSite).toEqual({ state: expect.objectContaining({ reason: 'crossSite' }) });
    expect(await remind(null, 'u-pradeep')).toEqual({ state: expect.objectContaining({ reason: 'signedOut' }) });
    await settleBackgroundTasks();
    expect(await testDb.db.outboxJob.count()).toBe(0);
    expect(sink.store.emails).toEqual([]);
    expect(await testDb.db.auditEvent.count({ where: { action: 'admin.readiness.remind.denied' } })).toBe(3);
  });

  it('an unknown user is refused with a sentence in the admin language, and nothing is queued', async () => {
    const outcome = await remind(testActors.admin, 'u-nobody');
    expect(outcome).toEqual({ state: expect.objectContaining({ reason: 'notFound', error: expect.any(String) }) });
    expect(await testDb.db.outboxJob.count()).toBe(0);
  });
});
