// A write to AD whose answer is lost, against the real DC behind a fault proxy (ldaps-fault-proxy.ts): the
// DC applied the unicodePwd or lockoutTime modify but its answer never came back (held, or the connection
// dropped), or the modify never reached the DC. The portal's real reset and unlock functions must then ask
// AD (pwdLastSet, lockoutTime) and complete exactly what landed (session completed, the success entry, the
// e-mail) or, once the lease is over, release what did not; the user is never told "nothing was changed"
// for a change that landed.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isAppError } from '@/lib/app-error';
import { createAdDirectory } from '../ad/ad-directory';
import { canBind } from '../../scripts/ad/demo-domain';
import { demoController, serviceSettings } from '../ad/test-support/ad-test-kit';
import { startLdapsFaultProxy, type LdapsFaultProxy } from '../ad/test-support/ldaps-fault-proxy';
import { createTestDatabase, type TestDatabase } from '../database/test-database';
import { changePassword } from '../reset/change-password';
import { reconcileExpiredWrites, reconcileSessionWrite, writeLeaseSeconds } from '../reset/directory-write-intent';
import { settleBackgroundTasks } from '../reset/reset-test-support';
import type { ResetDirectoryUser } from '../reset/reset-directory';
import { unlockAccount } from '../reset/unlock-account';
import { adPasswords, portalOnAd, syncedAdUser } from './hybrid-ad-test-support';
import { testOrigin, verifiedSession } from './hybrid-test-support';

const dc = demoController(inject('adDirectory'));
const { start, fresh } = adPasswords;

let testDb: TestDatabase;
let proxy: LdapsFaultProxy;
beforeAll(async () => {
  testDb = await createTestDatabase();
  proxy = await startLdapsFaultProxy(dc);
});
afterAll(async () => {
  await proxy?.close();
  await testDb?.drop();
});

/** The portal with AD reached through the fault proxy, a short operation timeout, and the machine's clock. */
function throughProxy(user: ResetDirectoryUser, clockOffsetMs = 0) {
  const ad = createAdDirectory(serviceSettings(dc, { urls: [proxy.url], operationTimeoutMs: 1_500 }));
  const { graph, deps } = portalOnAd(testDb.db, dc, [user], ad);
  // Intents compare the portal's clock with the DC's: the DC runs on this machine's clock.
  deps.clock.now = new Date(Date.now() + clockOffsetMs);
  return { deps, graph };
}

const synced = (name: string) => syncedAdUser(dc, name, { idPrefix: 'user-lost-' });

async function lockOut(upn: string) {
  for (let attempt = 0; attempt < 5; attempt += 1) await canBind(dc, upn, 'Wrong-Pass-1!');
  expect(await canBind(dc, upn, start)).toBe(false);
}

async function refusalOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, reason: error.reason };
    throw error;
  }
  return null;
}

async function actionsOf(subjectId: string) {
  const events = await testDb.db.auditEvent.findMany({ where: { subjectId }, orderBy: { seq: 'asc' } });
  return events.map((event) => `${event.action}:${event.outcome}`);
}

async function sessionOf(userId: string) {
  return testDb.db.resetSession.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: 'desc' } });
}

describe('a password write whose answer AD never sent back is completed from pwdLastSet', () => {
  for (const fault of ['holdAnswer', 'dropAfterWrite'] as const) {
    it(`${fault}: the reset completes once, audited and notified with the AD wording`, async () => {
      const { account, user } = await synced(`pw-${fault === 'holdAnswer' ? 'hold' : 'drop'}`);
      const { deps, graph } = throughProxy(user);
      const token = await verifiedSession(deps, user);
      proxy.arm(fault);
      const before = proxy.applied.length;
      await changePassword(deps, { token, password: fresh, confirmation: fresh, locale: 'en', origin: testOrigin });
      await settleBackgroundTasks();
      expect(proxy.applied.slice(before)).toEqual([fault]);
      expect(await canBind(dc, account.upn, fresh)).toBe(true);
      expect(graph.passwordWrites).toEqual([]);
      const session = await sessionOf(user.id);
      expect(session.endedReason).toBe('completed');
      expect((await actionsOf(user.id)).filter((action) => action.startsWith('reset.password'))).toEqual([
        'reset.passwordChanged:success',
      ]);
      const mail = deps.captured.emails.filter((email) => email.to === user.alternateEmail);
      expect(mail).toHaveLength(1);
      expect(mail[0]?.text).toMatch(/lives in your organisation.s Active Directory/);
      const intent = await testDb.db.directoryWriteIntent.findFirstOrThrow({ where: { resetSessionId: session.id } });
      expect(intent).toMatchObject({ outcome: 'applied' });
      expect(intent.settledAt).not.toBeNull();
    });
  }

  it('a modify that never reached the DC: "confirming" until the lease ends, then released, audited, and the user can retry', async () => {
    const { account, user } = await synced('pw-swallow');
    // The portal's clock a few minutes ahead, so the account's creation a moment ago is not mistaken for the write.
    const { deps } = throughProxy(user, 5 * 60_000);
    const token = await verifiedSession(deps, user);
    proxy.arm('swallowWrite');
    expect(
      await refusalOf(
        changePassword(deps, { token, password: fresh, confirmation: fresh, locale: 'en', origin: testOrigin }),
      ),
    ).toEqual({ code: 'CONFLICT', reason: 'confirmingChange' });
    const session = await sessionOf(user.id);
    expect(await reconcileSessionWrite(deps, session.id)).toBe('pending');
    deps.clock.now = new Date(deps.clock.now.getTime() + (writeLeaseSeconds + 1) * 1000);
    expect(await reconcileExpiredWrites(deps)).toBeGreaterThanOrEqual(1);
    expect(await reconcileSessionWrite(deps, session.id)).toBe('notApplied');
    expect(await canBind(dc, account.upn, start)).toBe(true);
    expect(await actionsOf(user.id)).toContain('reset.passwordRejected:failure');
    expect(await actionsOf(user.id)).not.toContain('reset.passwordChanged:success');
    // Released: the same verified session changes the password now.
    await changePassword(deps, { token, password: fresh, confirmation: fresh, locale: 'en', origin: testOrigin });
    expect(await canBind(dc, account.upn, fresh)).toBe(true);
  });
});

describe('an unlock whose answer AD never sent back is completed from lockoutTime', () => {
  for (const fault of ['holdAnswer', 'dropAfterWrite'] as const) {
    it(`${fault}: the unlock completes, audited and notified, not "nothing was changed"`, async () => {
      const { account, user } = await synced(`ul-${fault === 'holdAnswer' ? 'hold' : 'drop'}`);
      await lockOut(account.upn);
      const { deps, graph } = throughProxy(user);
      const token = await verifiedSession(deps, user, 'unlock');
      proxy.arm(fault);
      await unlockAccount(deps, { token, locale: 'en', origin: testOrigin });
      await settleBackgroundTasks();
      expect(await canBind(dc, account.upn, start)).toBe(true);
      expect(graph.unlocks).toEqual([]);
      expect((await sessionOf(user.id)).endedReason).toBe('completed');
      expect((await actionsOf(user.id)).filter((action) => action.startsWith('unlock.'))).toEqual([
        'unlock.completed:success',
      ]);
      expect(deps.captured.emails.filter((email) => email.to === user.alternateEmail)).toHaveLength(1);
    });
  }

  it('an unlock that never reached the DC: still locked after the lease, released and audited; the retry unlocks', async () => {
    const { account, user } = await synced('ul-swallow');
    await lockOut(account.upn);
    const { deps } = throughProxy(user);
    const token = await verifiedSession(deps, user, 'unlock');
    proxy.arm('swallowWrite');
    expect(await refusalOf(unlockAccount(deps, { token, locale: 'en', origin: testOrigin }))).toEqual({
      code: 'CONFLICT',
      reason: 'confirmingChange',
    });
    const session = await sessionOf(user.id);
    expect(await reconcileSessionWrite(deps, session.id)).toBe('pending');
    deps.clock.now = new Date(deps.clock.now.getTime() + (writeLeaseSeconds + 1) * 1000);
    expect(await reconcileSessionWrite(deps, session.id)).toBe('notApplied');
    expect(await canBind(dc, account.upn, start)).toBe(false);
    expect(await actionsOf(user.id)).toContain('unlock.rejected:failure');
    await unlockAccount(deps, { token, locale: 'en', origin: testOrigin });
    expect(await canBind(dc, account.upn, start)).toBe(true);
  });
});
