// A desk write to AD whose answer is lost, against the real DC behind the LDAPS fault proxy
// (server/ad/test-support/ldaps-fault-proxy.ts): "require a password change" (pwdLastSet=0) and unlock
// (lockoutTime=0) applied by the DC with the answer held or the connection dropped. The desk must read AD
// back (server/hybrid/confirm-at-source.ts) and report success, audited once and the user notified once,
// never a failure for a change that was made; a modify that never reached the DC is still a failure.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isAppError } from '@/lib/app-error';
import { createAdDirectory } from '../ad/ad-directory';
import { canBind } from '../../scripts/ad/demo-domain';
import { createSyncedUser, demoController, serviceSettings } from '../ad/test-support/ad-test-kit';
import { startLdapsFaultProxy, type LdapsFaultProxy } from '../ad/test-support/ldaps-fault-proxy';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { createDeskTestKit, fakeDirectory, fakeUsers, lynneAgent } from '../desk/desk-test-support';
import { openDeskCase } from '../desk/open-desk-case';
import { performDeskAction } from '../desk/perform-desk-action';
import { startPushVerification } from '../desk/start-push-verification';
import { onPremisesDirectoriesOf } from './on-premises-directories';

const dc = demoController(inject('adDirectory'));
const direct = createAdDirectory(serviceSettings(dc));
const start = 'Start-Pass-2024!';
const testDb = setUpTestDatabase();
let proxy: LdapsFaultProxy;
beforeAll(async () => {
  proxy = await startLdapsFaultProxy(dc);
});
afterAll(async () => {
  await proxy?.close();
});

const agent = { ...lynneAgent, authTime: Math.floor(Date.now() / 1000) - 60 };

/** The desk with AD reached through the fault proxy and a short operation timeout. */
async function deskThroughProxy(name: string) {
  const account = await createSyncedUser(dc, name, start);
  const id = `u-desk-lost-${name}`;
  const kit = createDeskTestKit(testDb.db, new Date());
  const graph = fakeDirectory([
    ...fakeUsers(),
    {
      id,
      userPrincipalName: account.upn,
      displayName: account.upn,
      mail: account.upn,
      mobilePhone: '+1 555 0191',
      otherMails: [`${id}@personal.test`],
      accountEnabled: true,
      isLocked: false,
      mustChangePassword: false,
      methods: [{ type: 'microsoftAuthenticator', id: 'm-auth', label: 'Phone' }],
      memberOf: [],
      onPremises: {
        securityIdentifier: account.sid,
        domainName: 'corp.contoso.test',
        samAccountName: null,
        distinguishedName: null,
      },
    },
  ]);
  kit.deps.directory = graph.directory;
  const ad = createAdDirectory(serviceSettings(dc, { urls: [proxy.url], operationTimeoutMs: 1_500 }));
  kit.deps.onPremises = onPremisesDirectoriesOf([ad]);
  const { caseId } = await openDeskCase(kit.deps, agent, { userId: id });
  await startPushVerification(kit.deps, agent, { caseId });
  kit.push.answer('approved');
  return { account, id, kit, graph, caseId };
}

async function entriesOf(subjectId: string, action: string) {
  const events = await testDb.db.auditEvent.findMany({ where: { subjectId, action }, orderBy: { seq: 'asc' } });
  return events.map((event) => ({ outcome: event.outcome, details: JSON.parse(event.detailsJson) }));
}

describe('a desk "require a password change" whose AD answer was lost is confirmed from pwdLastSet', () => {
  for (const fault of ['holdAnswer', 'dropAfterWrite'] as const) {
    it(`${fault}: reported done, audited once as success, the user notified once`, async () => {
      const { account, id, kit, graph, caseId } = await deskThroughProxy(`chg-${fault === 'holdAnswer' ? 'h' : 'd'}`);
      expect(await direct.passwordLastSet(account.sid)).not.toBeNull();
      proxy.arm(fault);
      const before = proxy.applied.length;
      expect(await performDeskAction(kit.deps, agent, { caseId, action: 'requirePasswordChange' })).toEqual({
        action: 'requirePasswordChange',
      });
      expect(proxy.applied.slice(before)).toEqual([fault]);
      expect(await direct.passwordLastSet(account.sid)).toBeNull();
      expect(graph.users.find((user) => user.id === id)?.mustChangePassword).toBe(false);
      const entries = await entriesOf(id, 'desk.action.requirePasswordChange');
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ outcome: 'success', details: { caseId, confirmedBy: 'readBack' } });
      expect(kit.mail.emails.filter((email) => email.to === `${id}@personal.test`)).toHaveLength(1);
      expect(await entriesOf(id, 'desk.user.notified')).toHaveLength(1);
    });
  }

  it('a modify that never reached the DC is a failure (audited once), and pwdLastSet is untouched', async () => {
    const { account, id, kit, caseId } = await deskThroughProxy('chg-s');
    proxy.arm('swallowWrite');
    const failure = await performDeskAction(kit.deps, agent, { caseId, action: 'requirePasswordChange' }).catch(
      (error: unknown) => error,
    );
    expect(isAppError(failure) && failure.reason).toBe('adOutcomeUnknown');
    expect(await direct.passwordLastSet(account.sid)).not.toBeNull();
    expect((await entriesOf(id, 'desk.action.requirePasswordChange')).map((entry) => entry.outcome)).toEqual([
      'failure',
    ]);
    expect(kit.mail.emails.filter((email) => email.to === `${id}@personal.test`)).toHaveLength(0);
  });
});

describe('a desk unlock whose AD answer was lost is confirmed from lockoutTime', () => {
  it('holdAnswer: reported unlocked (it was locked), audited once as success, the user binds again', async () => {
    const { account, id, kit, caseId } = await deskThroughProxy('unl-h');
    for (let attempt = 0; attempt < 5; attempt += 1) await canBind(dc, account.upn, 'Wrong-Pass-1!');
    expect(await canBind(dc, account.upn, start)).toBe(false);
    proxy.arm('holdAnswer');
    expect(await performDeskAction(kit.deps, agent, { caseId, action: 'unlock' })).toEqual({
      action: 'unlock',
      wasLocked: true,
    });
    expect(await canBind(dc, account.upn, start)).toBe(true);
    const entries = await entriesOf(id, 'desk.action.unlock');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ outcome: 'success', details: { wasLocked: true, confirmedBy: 'readBack' } });
    expect(kit.mail.emails.filter((email) => email.to === `${id}@personal.test`)).toHaveLength(1);
  });
});
