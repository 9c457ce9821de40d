// The desk's Entra sign-in link on a real database, with the Entra round trip replaced by a stand-in
// whose complete() answers what the reset portal's module would (its own tests cover the OIDC checks).
import { beforeEach, describe, expect, it } from 'vitest';
import { setUpTestDatabase } from '../database/set-up-test-database';
import type { EntraMfaResult, EntraMfaVerification } from '../verification/entra-mfa-verification';
import { deskCaseView } from './desk-case-view';
import { createDeskTestKit, lynneAgent, freshDeskTestKit } from './desk-test-support';
import {
  beginEntraLinkVerification,
  completeEntraLinkVerification,
  sendEntraSignInLink,
} from './entra-link-verification';
import { openDeskCase } from './open-desk-case';
import { performDeskAction } from './perform-desk-action';

const testDb = setUpTestDatabase();
let kit: ReturnType<typeof createDeskTestKit>;
let answer: EntraMfaResult;
const started: { loginHint: string; expectedOid: string | null; redirectUri: string }[] = [];

const entra = {
  start: async (input: {
    loginHint: string;
    expectedOid: string | null;
    redirectUri: string;
    binding: string;
    now: Date;
  }) => {
    started.push(input);
    return {
      authorizeUrl: 'https://login.example/authorize',
      pending: {
        stateHash: 's',
        nonce: 'n',
        codeVerifier: 'v',
        expectedOid: input.expectedOid,
        binding: input.binding,
        redirectUri: input.redirectUri,
        startedAt: input.now.getTime(),
      },
    };
  },
  complete: async () => answer,
  checkClaims: () => answer,
} as unknown as EntraMfaVerification;

beforeEach(async () => {
  kit = await freshDeskTestKit(testDb.db);
  kit.deps.settings.enabledMethods = ['authenticatorPush', 'entraSignInLink', 'smsCode', 'emailCode'];
  started.length = 0;
});

async function linkFor(userId: string) {
  const { caseId } = await openDeskCase(kit.deps, lynneAgent, { userId });
  await sendEntraSignInLink(kit.deps, lynneAgent, { caseId });
  const mail = kit.mail.emails.at(-1)!;
  const url = new URL(/https:\S+/.exec(mail.text)![0]);
  return { caseId, mail, v: url.searchParams.get('v')!, t: url.searchParams.get('t')!, url };
}

describe('Entra sign-in link (issue 5 §3)', () => {
  it('sends a link built from APP_ORIGIN to the alternate email; the user signs in; the case turns verified', async () => {
    const { caseId, mail, v, t, url } = await linkFor('u-pradeep');
    expect(mail.to).toBe('pradeep.gupta@personal.test');
    expect(url.origin).toBe('https://portal.contoso.test');
    const begun = await beginEntraLinkVerification(kit.deps, entra, { v, t });
    expect(started[0]).toMatchObject({
      loginHint: 'pradeep.gupta@contoso.test',
      expectedOid: 'u-pradeep',
      redirectUri: 'https://portal.contoso.test/api/desk/verify/callback',
    });
    expect((await deskCaseView(kit.deps, lynneAgent, caseId)).verifications[0]).toMatchObject({
      status: 'pending',
      detail: 'linkOpened',
    });
    answer = {
      ok: true,
      claims: { oid: 'u-pradeep', tid: 't', preferredUsername: null, authTime: 0, amr: ['rsa', 'mfa'], acrs: [] },
    };
    expect(await completeEntraLinkVerification(kit.deps, entra, { code: 'c', state: 's' }, begun.cookie)).toEqual({
      isVerified: true,
      reason: null,
    });
    const view = await deskCaseView(kit.deps, lynneAgent, caseId);
    expect(view.verifications[0]).toMatchObject({ method: 'entraSignInLink', status: 'verified' });
    expect(await performDeskAction(kit.deps, lynneAgent, { caseId, action: 'issueTemporaryAccessPass' })).toMatchObject(
      { action: 'issueTemporaryAccessPass' },
    );
  });

  it('refuses a wrong token, a second use of the link, and a sign-in by someone else (oid mismatch)', async () => {
    const { caseId, v, t } = await linkFor('u-pradeep');
    await expect(beginEntraLinkVerification(kit.deps, entra, { v, t: `${t.slice(0, -2)}xx` })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const begun = await beginEntraLinkVerification(kit.deps, entra, { v, t });
    await expect(beginEntraLinkVerification(kit.deps, entra, { v, t })).rejects.toMatchObject({ code: 'CONFLICT' });
    answer = { ok: false, reason: 'oidMismatch' };
    expect(await completeEntraLinkVerification(kit.deps, entra, { code: 'c', state: 's' }, begun.cookie)).toEqual({
      isVerified: false,
      reason: 'oidMismatch',
    });
    expect((await deskCaseView(kit.deps, lynneAgent, caseId)).verifications[0]).toMatchObject({
      status: 'failed',
      detail: 'oidMismatch',
    });
    await expect(
      completeEntraLinkVerification(kit.deps, entra, { code: 'c', state: 's' }, begun.cookie),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      completeEntraLinkVerification(kit.deps, entra, { code: 'c', state: 's' }, undefined),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(performDeskAction(kit.deps, lynneAgent, { caseId, action: 'unlock' })).rejects.toMatchObject({
      details: { reason: 'notVerified' },
    });
  });

  it('refuses an expired link', async () => {
    const { v, t } = await linkFor('u-pradeep');
    kit.advance(11);
    await expect(beginEntraLinkVerification(kit.deps, entra, { v, t })).rejects.toMatchObject({ code: 'EXPIRED' });
  });

  it('a pending sign-in edited in the database is one storedDataInvalid error, and nothing is verified', async () => {
    const { caseId, v, t } = await linkFor('u-pradeep');
    const begun = await beginEntraLinkVerification(kit.deps, entra, { v, t });
    answer = {
      ok: true,
      claims: { oid: 'u-pradeep', tid: 't', preferredUsername: null, authTime: 0, amr: ['rsa', 'mfa'], acrs: [] },
    };
    for (const channelRef of ['{"stateHash":', JSON.stringify({ stateHash: 's', binding: 7 })]) {
      await testDb.db.deskVerification.updateMany({ where: { status: 'pending' }, data: { channelRef } });
      await expect(
        completeEntraLinkVerification(kit.deps, entra, { code: 'c', state: 's' }, begun.cookie),
      ).rejects.toMatchObject({
        code: 'INTERNAL',
        details: { reason: 'storedDataInvalid', source: 'DeskVerification.channelRef' },
      });
    }
    expect((await deskCaseView(kit.deps, lynneAgent, caseId)).verifications[0]).toMatchObject({ status: 'pending' });
  });
});
