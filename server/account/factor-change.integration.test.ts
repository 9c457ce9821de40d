// Factor changes on /account (issue 11, finding 3): every add or remove of a passkey or authenticator app is
// notified at every address of record (ASVS5 6.3.7), and needs a recent sign-in (auth_time within
// ACCOUNT_REAUTH_MAX_AGE_MINUTES), through the real route handlers and a real database.
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as passkeyOptionsRoute } from '../../app/account/actions/passkey-options/route';
import { POST as removeRoute } from '../../app/account/actions/remove/route';
import { setUpTestDatabase } from '../database/set-up-test-database';
import type { PortalActor } from '../context/portal-context';
import { testAppOrigin, testServices, testWiring } from '../context/test-services';
import { settleBackgroundTasks } from '../reset/background-tasks';
import { outboxLockSeconds, sweepOutbox } from '../jobs/outbox';
import { storeEnrolledPasskey } from './passkey-enrolment';
import { factorChangeOutboxHandlers } from './record-factor-change';

const testDb = setUpTestDatabase();
let kit: ReturnType<typeof testServices>;
beforeEach(async () => {
  await testDb.db.portalCredential.deleteMany({});
  await testDb.db.auditEvent.deleteMany({});
  await testDb.db.outboxJob.deleteMany({});
  kit = testServices(testDb.db);
});

const nowSeconds = () => Math.floor(kit.clock.current.getTime() / 1000);
/** Pradeep, signed in `minutesAgo` minutes ago (the ID token's auth_time). */
const pradeep = (minutesAgo: number | null): PortalActor => ({
  oid: 'u-pradeep',
  name: 'Pradeep Gupta',
  email: 'pradeep.gupta@contoso.test',
  roles: [],
  authTime: minutesAgo === null ? null : nowSeconds() - minutesAgo * 60,
});
const addressesOfRecord = ['pradeep.gupta@contoso.test', 'pradeep.gupta@personal.test'];
const origin = { ip: '203.0.113.7', userAgent: 'vitest' };

function post(path: string, body: BodyInit, type: string): Request {
  return new Request(`${testAppOrigin}${path}`, {
    method: 'POST',
    body,
    headers: { 'sec-fetch-site': 'same-origin', 'content-type': type },
  });
}

async function addTotpCredential() {
  return testDb.db.portalCredential.create({
    data: { id: crypto.randomUUID(), userId: 'u-pradeep', kind: 'totp', secretSealed: 'sealed', createdAt: new Date() },
  });
}

describe('factor changes on /account (ASVS5 6.3.7)', () => {
  it('ASVS5 6.3.7: adding a passkey notifies the user at every address of record, without secrets', async () => {
    const credential = { id: 'cred-Zm9vYmFy', publicKey: new Uint8Array([1, 2, 3, 4]), counter: 0 };
    await storeEnrolledPasskey(kit.services, { oid: 'u-pradeep', credential, origin }, kit.clock.current);
    await settleBackgroundTasks();
    expect(kit.mail.emails.map((mail) => mail.to).sort()).toEqual(addressesOfRecord);
    expect(kit.mail.sms.map((sms) => sms.to)).toEqual(['+1 555 0102']);
    for (const text of [...kit.mail.emails.map((m) => m.text), ...kit.mail.sms.map((s) => s.body)]) {
      expect(text).toContain('a passkey was added');
      expect(text).not.toContain(credential.id);
      expect(text).not.toContain('AQIDBA'); // the public key, base64url
    }
    const audit = await testDb.db.auditEvent.findMany({ where: { action: 'account.passkeyEnrolled' } });
    expect(audit).toHaveLength(1);
  });

  it('ASVS5 6.3.7: removing an authenticator app with a recent sign-in notifies at every address of record', async () => {
    const credential = await addTotpCredential();
    const response = await removeRoute.run(
      post(
        '/account/actions/remove',
        new URLSearchParams({ credentialId: credential.id }),
        'application/x-www-form-urlencoded',
      ),
      undefined,
      testWiring(kit.services, pradeep(2)),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${testAppOrigin}/account?notice=removed`);
    await settleBackgroundTasks();
    expect(kit.mail.emails.map((mail) => mail.to).sort()).toEqual(addressesOfRecord);
    expect(kit.mail.emails[0]?.text).toContain('an authenticator app was removed');
    expect(kit.mail.sms).toHaveLength(1);
    expect(await testDb.db.portalCredential.count()).toBe(0);
  });
});

describe('a process that dies after the factor change is committed (issue 12)', () => {
  it('the notice still goes to every address of record after a restart, once, and the audit entry once', async () => {
    const credential = { id: 'cred-ZGVhZA', publicKey: new Uint8Array([5, 6, 7, 8]), counter: 0 };
    // Its job runner never runs what it committed.
    const dying = { ...kit.services, jobs: { enqueue: () => undefined } };
    await storeEnrolledPasskey(dying, { oid: 'u-pradeep', credential, origin }, kit.clock.current);
    expect(kit.mail.emails).toEqual([]);
    kit.clock.current = new Date(kit.clock.current.getTime() + (outboxLockSeconds + 1) * 1000);
    const runner = { db: testDb.db, now: () => kit.clock.current };
    expect(await sweepOutbox(runner, factorChangeOutboxHandlers(kit.services))).toBe(1);
    expect(await sweepOutbox(runner, factorChangeOutboxHandlers(kit.services))).toBe(0);
    expect(kit.mail.emails.map((mail) => mail.to).sort()).toEqual(addressesOfRecord);
    expect(kit.mail.sms).toHaveLength(1);
    expect(await testDb.db.auditEvent.count({ where: { action: 'account.passkeyEnrolled' } })).toBe(1);
  });
});

describe('factor changes need a recent sign-in (auth_time within 10 minutes, else prompt=login)', () => {
  it('refuses to remove a factor with an 11-minute-old sign-in or without auth_time, and changes nothing', async () => {
    const credential = await addTotpCredential();
    for (const actor of [pradeep(11), pradeep(8 * 60), pradeep(null)]) {
      const response = await removeRoute.run(
        post(
          '/account/actions/remove',
          new URLSearchParams({ credentialId: credential.id }),
          'application/x-www-form-urlencoded',
        ),
        undefined,
        testWiring(kit.services, actor),
      );
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toContain('/account?error=reauthenticationRequired');
    }
    expect(await testDb.db.portalCredential.count()).toBe(1);
    await settleBackgroundTasks();
    expect(kit.mail.emails).toHaveLength(0);
    const denials = await testDb.db.auditEvent.findMany({ where: { action: 'account.remove.denied' } });
    expect(denials).toHaveLength(3);
  });

  it('gives passkey creation options only to a sign-in from the last 10 minutes', async () => {
    const options = (actor: PortalActor) =>
      passkeyOptionsRoute.run(post('/account/actions/passkey-options', '{}', 'application/json'), undefined, {
        ...testWiring(kit.services, actor),
      });
    const stale = await options(pradeep(10.5));
    expect(stale.status).toBe(401);
    expect(await stale.json()).toMatchObject({ error: { code: 'UNAUTHORIZED', reason: 'reauthenticationRequired' } });
    const fresh = await options(pradeep(9));
    expect(fresh.status).toBe(200);
    expect(await fresh.json()).toMatchObject({ options: { challenge: expect.any(String) } });
  });
});
