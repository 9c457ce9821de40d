// A job queued for a reset session survives the session's token renewal (ASVS5 7.2.4 re-keys the row after each
// verification step; issue 11, finding 5). The writer dies before running the job (or its first run fails), the
// user verifies another service meanwhile, and the sweep runs the job under the renewed session.
import { beforeEach, describe, expect, it } from 'vitest';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { outboxLockSeconds, sweepOutbox } from '../jobs/outbox';
import { resetOutboxHandlers } from '../jobs/reset-outbox-handlers';
import { adele, codeIn, memoryDirectory, passwordAndPush, testResetDependencies } from './reset-test-support';
import { loadActiveResetSession, renewResetSessionToken } from './reset-session-store';
import { resetSessionReference } from './reset-secrets';
import { startResetSession } from './start-reset-session';
import { checkVerificationCode, sendVerificationCode } from './verification-codes';

const testDb = setUpTestDatabase();
let deps: ReturnType<typeof testResetDependencies>;
const origin = { ip: '203.0.113.7', userAgent: 'vitest' };

beforeEach(async () => {
  // The writer never runs its jobs: as if the process died right after answering.
  deps = testResetDependencies(testDb.db, memoryDirectory([{ user: adele, methods: passwordAndPush }]), {
    inBackground: () => undefined,
  });
  await testDb.db.outboxJob.deleteMany({});
});

/** The sweep of another instance, once the writer's claim has expired. */
async function sweepLater(): Promise<void> {
  deps.clock.now = new Date(deps.clock.now.getTime() + (outboxLockSeconds + 1) * 1000);
  await sweepOutbox(deps, resetOutboxHandlers(deps));
}

describe('outbox jobs of a reset session survive its token renewal', () => {
  it('a code queued before the renewal is still delivered, and counts in the renewed session', async () => {
    const { token } = await startResetSession(deps, { purpose: 'reset', username: adele.userPrincipalName, origin });
    await sendVerificationCode(deps, { token, service: 'sms', locale: 'en', origin });
    // Another step succeeds before the delivery runs: the session row is re-keyed.
    const renewed = await renewResetSessionToken(deps, token);
    await sweepLater();
    expect(deps.captured.sms).toHaveLength(1);
    const code = codeIn(deps.captured.sms[0]?.body ?? '');
    await checkVerificationCode(deps, { token: renewed, service: 'sms', code, origin });
    expect((await loadActiveResetSession(deps, renewed)).snapshot.verified).toContain('sms');
  });

  it('reset.started queued before the renewal is audited under the session’s stable reference', async () => {
    deps.clock.now = new Date('2026-11-26T11:00:00Z'); // another attempt than the first test's
    const { token } = await startResetSession(deps, { purpose: 'reset', username: adele.userPrincipalName, origin });
    const renewed = await renewResetSessionToken(deps, token);
    await sweepLater();
    const row = (await loadActiveResetSession(deps, renewed)).row;
    const started = await testDb.db.auditEvent.findMany({ where: { action: 'reset.started' } });
    const ours = started.filter(
      (event) => (JSON.parse(event.detailsJson) as { session?: string }).session === resetSessionReference(row),
    );
    expect(ours).toHaveLength(1);
    expect(ours[0]?.subjectId).toBe(adele.id);
  });
});
