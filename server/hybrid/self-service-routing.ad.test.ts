// Routing by source of authority against a real DC (Samba AD DC from the suite's global setup): the
// portal's reset and unlock server functions, with Graph's view of a synced user in an in-memory
// directory, write to AD by objectSid and never through Graph.
import { describe, expect, inject, it } from 'vitest';
import { isAppError } from '@/lib/app-error';
import { createAdDirectory, type AdDirectory } from '../ad/ad-directory';
import { canBind } from '../../scripts/ad/demo-domain';
import { demoController, serviceSettings, sidOf } from '../ad/test-support/ad-test-kit';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { changePassword } from '../reset/change-password';
import { settleBackgroundTasks } from '../reset/reset-test-support';
import type { ResetDirectoryUser } from '../reset/reset-directory';
import { loadResetProgress } from '../reset/reset-progress';
import { unlockAccount } from '../reset/unlock-account';
import { adDomainName as domainName, adPasswords, portalOnAd, syncedAdUser } from './hybrid-ad-test-support';
import { syncedUser, testOrigin, verifiedSession } from './hybrid-test-support';

const dc = demoController(inject('adDirectory'));
const { start, fresh } = adPasswords;

const testDb = setUpTestDatabase();

/** The real adapter, counting the writes it is asked for (the 50-submission test). */
function countingDirectory(directory: AdDirectory) {
  const counts = { resets: 0, unlocks: 0 };
  const counted: AdDirectory = {
    ...directory,
    resetPassword: async (...args) => {
      counts.resets += 1;
      return directory.resetPassword(...args);
    },
    unlock: async (...args) => {
      counts.unlocks += 1;
      return directory.unlock(...args);
    },
  };
  return { counted, counts };
}

const setUp = (users: ResetDirectoryUser[], ad?: AdDirectory) => portalOnAd(testDb.db, dc, users, ad);

async function refusalOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, reason: error.reason, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

async function auditReasonOf(subjectId: string) {
  const event = await testDb.db.auditEvent.findFirst({ where: { subjectId }, orderBy: { seq: 'desc' } });
  return { action: event?.action, outcome: event?.outcome, reason: JSON.parse(event?.detailsJson ?? '{}').reason };
}

const synced = (name: string, groups: string[] = [], password: string = start) =>
  syncedAdUser(dc, name, { groups, password });

describe('a synced user resets through the portal: the password is written to AD', () => {
  it('writes unicodePwd by objectSid through changePassword; the user binds with the new password; Graph is not written', async () => {
    const { account, user } = await synced('routed');
    const { graph, deps } = setUp([user]);
    const token = await verifiedSession(deps, user);
    await changePassword(deps, { token, password: fresh, confirmation: fresh, locale: 'en', origin: testOrigin });
    expect(await canBind(dc, account.upn, fresh)).toBe(true);
    expect(await canBind(dc, account.upn, start)).toBe(false);
    expect(graph.passwordWrites).toEqual([]);
    expect(await auditReasonOf(user.id)).toMatchObject({ action: 'reset.passwordChanged', outcome: 'success' });
    // AD_PASSWORD_SYNC=passThrough (the test settings): the notice says Microsoft 365 takes it at once.
    await settleBackgroundTasks();
    expect(deps.captured.emails.at(-1)?.text).toContain('works now everywhere');
    // The done page's one load says so too (reset-progress.ts).
    expect((await loadResetProgress(deps, token))?.passwordSync).toBe('passThrough');
  });

  it('with password hash sync the notice says Microsoft 365 takes the password after the next sync (about two minutes)', async () => {
    const { user } = await synced('phs');
    const { deps } = setUp([user], createAdDirectory(serviceSettings(dc, { passwordSync: 'passwordHashSync' })));
    const token = await verifiedSession(deps, user);
    await changePassword(deps, { token, password: fresh, confirmation: fresh, locale: 'fr', origin: testOrigin });
    await settleBackgroundTasks();
    expect(deps.captured.emails.at(-1)?.text).toContain('après la prochaine synchronisation');
  });

  it('matches by objectSid, never by name: Graph’s UPN pointing at another AD account changes only the SID’s account', async () => {
    const { account: target, user } = await synced('bysid');
    const { account: namesake } = await synced('namesake');
    const misleading: ResetDirectoryUser = { ...user, userPrincipalName: namesake.upn, displayName: namesake.upn };
    const { deps } = setUp([misleading]);
    const token = await verifiedSession(deps, misleading);
    await changePassword(deps, { token, password: fresh, confirmation: fresh, locale: 'en', origin: testOrigin });
    expect(await canBind(dc, target.upn, fresh)).toBe(true);
    expect(await canBind(dc, namesake.upn, start)).toBe(true);
  });

  it('the fine-grained policy’s length is refused with the rule named (adMinLength), nothing written, the user can try again', async () => {
    const { account, user } = await synced('pso', ['Finance'], 'Start-Pass-2024-Long!');
    const { deps } = setUp([user]);
    const token = await verifiedSession(deps, user);
    const tooShort = 'Harbour-Li9ht'; // 13: enough for the portal (12) and the domain (8), not for Finance (14)
    expect(
      await refusalOf(
        changePassword(deps, { token, password: tooShort, confirmation: tooShort, locale: 'en', origin: testOrigin }),
      ),
    ).toMatchObject({ code: 'INVALID_INPUT', reason: 'adMinLength' });
    expect(await canBind(dc, account.upn, 'Start-Pass-2024-Long!')).toBe(true);
    await changePassword(deps, { token, password: fresh, confirmation: fresh, locale: 'en', origin: testOrigin });
    expect(await canBind(dc, account.upn, fresh)).toBe(true);
  });

  it('a synced user whose AD object cannot be found is refused with the desk message; the reason is audited', async () => {
    const ghost = syncedUser('user-ghost', 'ghost@contoso.test', {
      securityIdentifier: `${dc.domain.domainSid}-99999`,
      domainName,
    });
    const { deps } = setUp([ghost]);
    const token = await verifiedSession(deps, ghost);
    expect(
      await refusalOf(
        changePassword(deps, { token, password: fresh, confirmation: fresh, locale: 'en', origin: testOrigin }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'selfServiceRefused' });
    expect(await auditReasonOf(ghost.id)).toMatchObject({ outcome: 'denied', reason: 'adAccountNotFound' });
  });

  it.each([
    ['joni.sherman@contoso.test', 'adDisabled'],
    ['christie.cline@contoso.test', 'adExpired'],
    ['raul.razo@contoso.test', 'adProtected'],
  ])('%s is refused for self-service (%s) and sent to the desk', async (upn, reason) => {
    const user = syncedUser(`user-${reason}`, upn, { securityIdentifier: await sidOf(dc, upn), domainName });
    const { deps } = setUp([user]);
    const token = await verifiedSession(deps, user);
    expect(
      await refusalOf(
        changePassword(deps, { token, password: fresh, confirmation: fresh, locale: 'en', origin: testOrigin }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'selfServiceRefused' });
    expect(await auditReasonOf(user.id)).toMatchObject({ outcome: 'denied', reason });
    expect(await canBind(dc, upn, fresh)).toBe(false);
  });

  it('50 simultaneous submissions of one verified session make one AD write and one success', async () => {
    const { account, user } = await synced('fifty');
    const { counted, counts } = countingDirectory(createAdDirectory(serviceSettings(dc)));
    const { deps } = setUp([user], counted);
    const token = await verifiedSession(deps, user);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        changePassword(deps, { token, password: fresh, confirmation: fresh, locale: 'en', origin: testOrigin }),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(counts.resets).toBe(1);
    expect(await canBind(dc, account.upn, fresh)).toBe(true);
  });

  it('a DC that is down gives the clear 503 message and nothing is half done: no write, the session can try again', async () => {
    const { account, user } = await synced('dcdown');
    const down = createAdDirectory(serviceSettings(dc, { urls: ['ldaps://127.0.0.1:1'] }));
    const { graph, deps } = setUp([user], down);
    const token = await verifiedSession(deps, user);
    const refusal = await refusalOf(
      changePassword(deps, { token, password: fresh, confirmation: fresh, locale: 'en', origin: testOrigin }),
    );
    expect(refusal).toMatchObject({ code: 'UNAVAILABLE', reason: 'adUnavailable' });
    expect(refusal.message).toMatch(/cannot be reached.*Nothing was changed/);
    expect(graph.passwordWrites).toEqual([]);
    expect(await canBind(dc, account.upn, start)).toBe(true);
    expect(await auditReasonOf(user.id)).toMatchObject({ outcome: 'failure', reason: 'adUnavailable' });
    // The claim was released: with the DC back, the same verified session completes.
    const back = setUp([user]);
    await changePassword(back.deps, {
      token,
      password: fresh,
      confirmation: fresh,
      locale: 'en',
      origin: testOrigin,
    });
    expect(await canBind(dc, account.upn, fresh)).toBe(true);
  });
});

describe('a synced user unlocks through the portal: AD’s lockout is cleared', () => {
  it('after a real lockout made by bad binds, unlockAccount sets lockoutTime=0 and the user binds again', async () => {
    const { account, user } = await synced('unlock');
    for (let attempt = 0; attempt < 5; attempt += 1) await canBind(dc, account.upn, 'Wrong-Pass-1!');
    expect(await canBind(dc, account.upn, start)).toBe(false);
    const { graph, deps } = setUp([user]);
    const token = await verifiedSession(deps, user, 'unlock');
    await unlockAccount(deps, { token, locale: 'en', origin: testOrigin });
    expect(await canBind(dc, account.upn, start)).toBe(true);
    expect(graph.unlocks).toEqual([]);
    expect(await auditReasonOf(user.id)).toMatchObject({ action: 'unlock.completed', outcome: 'success' });
  });
});

describe('the new-password page reads the effective AD policy live', () => {
  it('shows the Finance fine-grained policy for a member, the domain policy otherwise, and only the desk sentence for a protected account', async () => {
    const { onPremisesPasswordView } = await import('./on-premises-password-view');
    const { user: finance } = await synced('viewpso', ['Finance'], 'Start-Pass-2024-Long!');
    const { user: ordinary } = await synced('viewdomain');
    const raul = syncedUser('user-view-raul', 'raul.razo@contoso.test', {
      securityIdentifier: await sidOf(dc, 'raul.razo@contoso.test'),
      domainName,
    });
    const { deps } = setUp([finance, ordinary, raul]);
    expect(await onPremisesPasswordView(deps, finance)).toMatchObject({
      kind: 'activeDirectory',
      policy: { source: 'fineGrained', name: 'Finance Strict', minLength: 14, historyLength: 10 },
    });
    expect(await onPremisesPasswordView(deps, ordinary)).toMatchObject({
      kind: 'activeDirectory',
      policy: { source: 'domain', minLength: 8, requiresComplexity: true, historyLength: 5 },
      names: { displayName: 'Test viewdomain' },
    });
    expect(await onPremisesPasswordView(deps, raul)).toEqual({ kind: 'refused' });
    const down = setUp([ordinary], createAdDirectory(serviceSettings(dc, { urls: ['ldaps://127.0.0.1:1'] })));
    expect(await onPremisesPasswordView(down.deps, ordinary)).toEqual({ kind: 'unavailable' });
  });
});

describe('a write whose answer was lost is reconciled with AD, never reported as "nothing changed"', () => {
  it('a DC that goes silent after the write was sent gives adOutcomeUnknown; before any write, adUnavailable', async () => {
    const { withAdConnection } = await import('../ad/ad-connection');
    const quick = serviceSettings(dc, { totalTimeoutMs: 1_500 });
    const silentAfterWrite = await withAdConnection(quick, async (_client, progress) => {
      progress.writeSent();
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }).catch((error: unknown) => error);
    expect(isAppError(silentAfterWrite) && silentAfterWrite.details).toMatchObject({
      reason: 'adOutcomeUnknown',
      isOutcomeUnknown: true,
    });
    const silentBefore = await withAdConnection(quick, async () => {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }).catch((error: unknown) => error);
    expect(isAppError(silentBefore) && silentBefore.details.reason).toBe('adUnavailable');
  });

  it('reconciliation asks AD’s pwdLastSet: a password that landed in AD completes the session once (Graph does not know yet)', async () => {
    const { claimWithIntent, reconcileIntent } = await import('../reset/directory-write-intent');
    const { user } = await synced('reconcile');
    const ad = createAdDirectory(serviceSettings(dc));
    const { deps } = setUp([user], ad);
    await verifiedSession(deps, user);
    const session = await testDb.db.resetSession.findFirstOrThrow({
      where: { userId: user.id },
      orderBy: { createdAt: 'desc' },
    });
    const intent = await claimWithIntent(deps, {
      sessionId: session.id,
      kind: 'password',
      userId: user.id,
      locale: 'en',
      origin: testOrigin,
    });
    if (!intent) throw new Error('no claim');
    // The modify reached the DC but its answer was lost: AD has the new password, the portal does not know.
    // Intents compare times with the portal's clock: put the intent's start just before the DC's write.
    await testDb.db.directoryWriteIntent.update({
      where: { id: intent.id },
      data: { startedAt: new Date(Date.now() - 1_000) },
    });
    await ad.resetPassword(user.onPremises!.securityIdentifier!, fresh);
    expect(await reconcileIntent(deps, { ...intent, startedAt: new Date(Date.now() - 1_000) })).toBe('applied');
    expect(await auditReasonOf(user.id)).toMatchObject({ action: 'reset.passwordChanged', outcome: 'success' });
  });
});
