// The desk for synced users against a real DC: the user card shows AD's lockout, unlock sets lockoutTime=0
// after a real lockout by bad binds, "require change at next sign-in" sets pwdLastSet=0, and an
// AdminSDHolder-protected AD account is a privileged target. Graph is never asked to do any of it.
import { describe, expect, inject, it } from 'vitest';
import { createAdDirectory } from '../ad/ad-directory';
import { canBind } from '../../scripts/ad/demo-domain';
import { createSyncedUser, demoController, serviceSettings, sidOf } from '../ad/test-support/ad-test-kit';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { createDeskTestKit, fakeDirectory, fakeUsers, lynneAgent } from '../desk/desk-test-support';
import { loadUserCard } from '../desk/load-user-card';
import { openDeskCase } from '../desk/open-desk-case';
import { performDeskAction } from '../desk/perform-desk-action';
import { startPushVerification } from '../desk/start-push-verification';
import { onPremisesDirectoriesOf } from './on-premises-directories';

const dc = demoController(inject('adDirectory'));
const ad = createAdDirectory(serviceSettings(dc));
const start = 'Start-Pass-2024!';

const testDb = setUpTestDatabase();

// The kits run on the real clock (AD's lockout times are real); the agent signed in with MFA a minute before
// the file started, well inside the 15 minutes that unlocking needs (issue 11, finding 9).
const kitStart = new Date();
const agent = { ...lynneAgent, authTime: Math.floor(kitStart.getTime() / 1000) - 60 };

function deskKitWith(synced: { id: string; upn: string; sid: string }) {
  const kit = createDeskTestKit(testDb.db, new Date());
  const users = [
    ...fakeUsers(),
    {
      id: synced.id,
      userPrincipalName: synced.upn,
      displayName: synced.upn,
      mail: synced.upn,
      mobilePhone: '+1 555 0190',
      otherMails: [`${synced.id}@personal.test`],
      accountEnabled: true,
      isLocked: false,
      mustChangePassword: false,
      methods: [{ type: 'microsoftAuthenticator', id: 'm-auth', label: 'Phone' }],
      memberOf: [],
      onPremises: {
        securityIdentifier: synced.sid,
        domainName: 'corp.contoso.test',
        samAccountName: null,
        distinguishedName: null,
      },
    },
  ];
  const graph = fakeDirectory(users);
  kit.deps.directory = graph.directory;
  kit.deps.onPremises = onPremisesDirectoriesOf([ad]);
  return { kit, graph };
}

async function verifiedCase(kit: ReturnType<typeof createDeskTestKit>, userId: string) {
  const { caseId } = await openDeskCase(kit.deps, agent, { userId });
  await startPushVerification(kit.deps, agent, { caseId });
  kit.push.answer('approved');
  return caseId;
}

describe('the desk for a synced user', () => {
  it('the card shows AD’s lockout (since, bad passwords, duration); unlock sets lockoutTime=0 and the user binds again', async () => {
    const account = await createSyncedUser(dc, 'deskunlock', start);
    for (let attempt = 0; attempt < 5; attempt += 1) await canBind(dc, account.upn, 'Wrong-Pass-1!');
    const { kit, graph } = deskKitWith({ id: 'u-synced-unlock', upn: account.upn, sid: account.sid });
    const card = await loadUserCard(kit.deps, agent, 'u-synced-unlock');
    expect(card.onPremises).toMatchObject({
      source: 'activeDirectory',
      domainName: 'corp.contoso.test',
      lockoutDurationMinutes: 30,
      lockout: { isLocked: true },
    });
    expect(card.onPremises.source === 'activeDirectory' && card.onPremises.lockout.badPasswordCount).toBeGreaterThan(0);
    const caseId = await verifiedCase(kit, 'u-synced-unlock');
    expect(await performDeskAction(kit.deps, agent, { caseId, action: 'unlock' })).toEqual({
      action: 'unlock',
      wasLocked: true,
    });
    expect(await canBind(dc, account.upn, start)).toBe(true);
    expect(graph.users.find((user) => user.id === 'u-synced-unlock')?.isLocked).toBe(false);
    const after = await loadUserCard(kit.deps, agent, 'u-synced-unlock');
    expect(after.onPremises).toMatchObject({ lockout: { isLocked: false } });
  });

  it('require change at next sign-in sets pwdLastSet=0 in AD, not Graph’s flag', async () => {
    const account = await createSyncedUser(dc, 'deskchange', start);
    const { kit, graph } = deskKitWith({ id: 'u-synced-change', upn: account.upn, sid: account.sid });
    const caseId = await verifiedCase(kit, 'u-synced-change');
    await performDeskAction(kit.deps, agent, { caseId, action: 'requirePasswordChange' });
    expect(await ad.passwordLastSet(account.sid)).toBeNull();
    expect(graph.users.find((user) => user.id === 'u-synced-change')?.mustChangePassword).toBe(false);
  });

  it('an AdminSDHolder-protected AD account (Domain Admins) is a privileged target for the desk', async () => {
    const upn = 'raul.razo@contoso.test';
    const { kit } = deskKitWith({ id: 'u-raul', upn, sid: await sidOf(dc, upn) });
    const card = await loadUserCard(kit.deps, agent, 'u-raul');
    expect(card.privilege.isPrivileged).toBe(true);
    expect(card.onPremises).toMatchObject({ source: 'activeDirectory', isProtected: true, refusals: ['protected'] });
  });
});
