// The pure session rule is the one that runs (issue 13): the store computes every next state with
// lib/reset/reset-session-state.ts and writes it with a compare-and-set, against a real database.
import { beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../lib/app-error';
import { setUpTestDatabase } from '../database/set-up-test-database';
import {
  adele,
  memoryDirectory,
  passwordAndPush,
  settleBackgroundTasks,
  testResetDependencies,
} from './reset-test-support';
import {
  loadResetSession,
  recordServiceVerified,
  recordSessionCompleted,
  recordSessionFailure,
} from './reset-session-store';
import { startResetSession } from './start-reset-session';

const testDb = setUpTestDatabase();
let deps: ReturnType<typeof testResetDependencies>;

beforeEach(() => {
  deps = testResetDependencies(testDb.db, memoryDirectory([{ user: adele, methods: passwordAndPush }]));
});

async function started() {
  const { token } = await startResetSession(deps, {
    purpose: 'reset',
    username: adele.userPrincipalName,
    origin: { ip: '203.0.113.7', userAgent: 'vitest' },
  });
  await settleBackgroundTasks();
  return loadResetSession(deps, token);
}

const row = (id: string) => testDb.db.resetSession.findUniqueOrThrow({ where: { id } });

describe('reset session transitions in the store', () => {
  it('concurrent failures are each counted once, and the limit ends the session', async () => {
    const session = await started();
    const { maxFailures } = deps.settings.sessionLimits;
    await Promise.all(Array.from({ length: 4 }, () => recordSessionFailure(deps, session.row.id)));
    expect((await row(session.row.id)).failures).toBe(4);
    for (let i = 4; i < maxFailures; i++) await recordSessionFailure(deps, session.row.id);
    expect(await row(session.row.id)).toMatchObject({ failures: maxFailures, endedReason: 'tooManyFailures' });
  });

  it('a failure on a session that has already ended is not counted', async () => {
    const session = await started();
    await recordSessionCompleted(deps, session);
    await recordSessionFailure(deps, session.row.id);
    expect(await row(session.row.id)).toMatchObject({ failures: 0, endedReason: 'completed' });
  });

  it('two services verified at the same time both count', async () => {
    const session = await started();
    await Promise.all([
      recordServiceVerified(deps, session.row.id, 'sms'),
      recordServiceVerified(deps, session.row.id, 'email'),
    ]);
    expect(JSON.parse((await row(session.row.id)).servicesJson).sort()).toEqual(['email', 'sms']);
  });

  it('a verification after the lifetime is refused with EXPIRED expired', async () => {
    const session = await started();
    deps.clock.now = new Date(deps.clock.now.getTime() + (deps.settings.sessionLimits.lifetimeSeconds + 1) * 1000);
    const error = await recordServiceVerified(deps, session.row.id, 'sms').catch((caught: unknown) => caught);
    expect(isAppError(error) && [error.code, error.reason]).toEqual(['EXPIRED', 'expired']);
  });

  it('completion is recorded once, even after the lifetime (the claimed write ran before)', async () => {
    const session = await started();
    const first = new Date(deps.clock.now.getTime() + 20 * 60 * 1000);
    deps.clock.now = first;
    await recordSessionCompleted(deps, session);
    deps.clock.now = new Date(first.getTime() + 1000);
    await recordSessionCompleted(deps, session);
    expect(await row(session.row.id)).toMatchObject({ completedAt: first, endedReason: 'completed' });
  });
});
