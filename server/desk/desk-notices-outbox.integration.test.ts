// Desk notices are outbox jobs (issue 12): the user's notice after a desk action and the supervisors'
// alert after a denied push are committed with the change, so a mail server that refuses them (or a
// process that dies before sending) delays them, never loses them, and never turns a done action into an
// error for the agent. Each is sent once per event.
import { beforeEach, describe, expect, it } from 'vitest';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { outboxCounts, outboxLockSeconds, sweepOutbox } from '../jobs/outbox';
import { deskCaseView } from './desk-case-view';
import { deskOutboxHandlers } from './desk-notice-job';
import { createDeskTestKit, lynneAgent, freshDeskTestKit } from './desk-test-support';
import { openDeskCase } from './open-desk-case';
import { performDeskAction } from './perform-desk-action';
import { startPushVerification } from './start-push-verification';

const testDb = setUpTestDatabase();
let kit: ReturnType<typeof createDeskTestKit>;

beforeEach(async () => {
  kit = await freshDeskTestKit(testDb.db);
});

/** SMTP refusing every message until `restore()`. */
function refuseMail() {
  const send = kit.deps.messenger.sendEmail;
  kit.deps.messenger.sendEmail = async () => {
    throw new Error('connect ECONNREFUSED 127.0.0.1:25');
  };
  return () => {
    kit.deps.messenger.sendEmail = send;
  };
}

/** Another instance's sweep, after the writer's claim ran out. */
async function sweepLater() {
  kit.advance(outboxLockSeconds / 60 + 1);
  return sweepOutbox(kit.deps, deskOutboxHandlers(kit.deps));
}

const notices = () => kit.mail.emails.filter((m) => m.subject.startsWith('A service desk agent'));
const audited = async (action: string) => testDb.db.auditEvent.count({ where: { action } });

describe('desk notices survive a mail outage', () => {
  it('the unlock succeeds for the agent; the notice goes out after the outage, once per address', async () => {
    const { caseId } = await openDeskCase(kit.deps, lynneAgent, { userId: 'u-pradeep' });
    await startPushVerification(kit.deps, lynneAgent, { caseId });
    kit.push.answer('approved');
    const restore = refuseMail();
    expect(await performDeskAction(kit.deps, lynneAgent, { caseId, action: 'unlock' })).toEqual({
      action: 'unlock',
      wasLocked: true,
    });
    expect(notices()).toEqual([]);
    expect(await audited('desk.action.unlock')).toBe(1);
    expect(await outboxCounts(testDb.db)).toEqual({ pending: 1, failed: 0 });
    restore();
    expect(await sweepLater()).toBe(1);
    expect(await sweepLater()).toBe(0);
    expect(notices().map((m) => m.to)).toEqual(['pradeep.gupta@contoso.test', 'pradeep.gupta@personal.test']);
    expect(await audited('desk.user.notified')).toBe(1);
  });

  it('a denied push: the case ends and the supervisors are alerted after the outage, once', async () => {
    const { caseId } = await openDeskCase(kit.deps, lynneAgent, { userId: 'u-pradeep' });
    await startPushVerification(kit.deps, lynneAgent, { caseId });
    kit.push.answer('denied');
    const restore = refuseMail();
    expect(await deskCaseView(kit.deps, lynneAgent, caseId)).toMatchObject({ endedReason: 'pushDenied' });
    expect(kit.mail.emails).toEqual([]);
    restore();
    expect(await sweepLater()).toBe(1);
    await deskCaseView(kit.deps, lynneAgent, caseId);
    expect(await sweepLater()).toBe(0);
    const alerts = kit.mail.emails.filter((m) => m.to === 'desk-supervisors@contoso.test');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.subject).toContain('denied');
    expect(await audited('desk.supervisors.alerted')).toBe(1);
  });
});
