// ASVS5 7.2.4 for the reset session (issue 11, finding 5): the cookie issued before any check must not reach
// the new-password page. Each successful verification step and the password change issue a new token, and
// the previous one stops working at once. Real route handlers, real database.
import { NextRequest } from 'next/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as checkCodePost } from '../../app/reset/actions/check-code/route';
import { POST as passwordPost } from '../../app/reset/actions/password/route';
import { POST as sendCodePost } from '../../app/reset/actions/send-code/route';
import { POST as startPost } from '../../app/reset/actions/start/route';
import type { PortalServices } from '../context/portal-context';
import { resetDependenciesOf } from '../context/reset-view';
import { testConfig, testServices, testWiring } from '../context/test-services';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { csrfTokenFor } from './http/reset-csrf';
import { resetCookieName } from './http/reset-cookie';
import {
  adele,
  memoryDirectory,
  passwordOnly,
  settleBackgroundTasks,
  type MemoryDirectory,
} from './reset-test-support';

const origin = 'https://portal.contoso.test';
const testDb = setUpTestDatabase();
let services: PortalServices;
let mail: ReturnType<typeof testServices>['mail'];
let directory: MemoryDirectory;

beforeEach(() => {
  const kit = testServices(testDb.db);
  mail = kit.mail;
  directory = memoryDirectory([{ user: adele, methods: passwordOnly }]);
  // Two codes make a reset here, so the whole path to the password change runs on codes.
  services = {
    ...kit.services,
    settings: testConfig({ APP_ORIGIN: origin, RESET_STARS_REQUIRED: '2' }),
    directory: { ...kit.services.directory, reset: directory },
  };
});

const cookieName = () => resetCookieName(resetDependenciesOf(services).settings);

function post(path: string, fields: Record<string, string>, token?: string): NextRequest {
  const csrf: Record<string, string> = token
    ? { csrf: csrfTokenFor(resetDependenciesOf(services).settings, token) }
    : {};
  return new NextRequest(`${origin}${path}`, {
    method: 'POST',
    body: new URLSearchParams({ ...fields, ...csrf }),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'same-origin',
      ...(token ? { cookie: `${cookieName()}=${token}` } : {}),
    },
  });
}

const run = (route: typeof startPost, request: NextRequest) =>
  route.run(request, undefined, testWiring(services, null));

function issuedToken(response: Response): string | undefined {
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith(`${cookieName()}=`));
  return cookie?.slice(cookieName().length + 1).split(';')[0];
}

async function verifyByCode(token: string, service: 'sms' | 'email'): Promise<Response> {
  await run(sendCodePost, post('/reset/actions/send-code', { purpose: 'reset', service }, token));
  await settleBackgroundTasks();
  const message = service === 'sms' ? mail.sms.at(-1)?.body : mail.emails.at(-1)?.text;
  const code = /(\d{8})/.exec(message ?? '')?.[1] ?? '';
  return run(checkCodePost, post('/reset/actions/check-code', { purpose: 'reset', service, code }, token));
}

describe('reset session renewal (ASVS5 7.2.4; ASVS4 3.4)', () => {
  it('ASVS5 7.2.4: a new session token after each verification step and after the password change; the old one stops working', async () => {
    const started = await run(
      startPost,
      post('/reset/actions/start', { purpose: 'reset', username: adele.userPrincipalName }),
    );
    const beforeChecks = issuedToken(started)!;
    expect(started.headers.getSetCookie()[0]).toMatch(/^__Host-verity-reset=.+; Path=\/;.*Secure/i);
    await settleBackgroundTasks();

    const smsChecked = await verifyByCode(beforeChecks, 'sms');
    expect(smsChecked.headers.get('location')).toBe(`${origin}/reset/services?verified=sms`);
    const afterSms = issuedToken(smsChecked)!;
    expect(afterSms).toMatch(/^[\w-]{43}$/);
    expect(afterSms).not.toBe(beforeChecks);

    // The token from before the check is dead: it cannot send a code, let alone set the password.
    const stale = await run(
      sendCodePost,
      post('/reset/actions/send-code', { purpose: 'reset', service: 'email' }, beforeChecks),
    );
    expect(stale.headers.get('location')).toContain('error=');
    const staleWrite = await run(
      passwordPost,
      post(
        '/reset/actions/password',
        { password: 'Lantern-Orchard-Fjord-73', confirmation: 'Lantern-Orchard-Fjord-73' },
        beforeChecks,
      ),
    );
    expect(staleWrite.headers.get('location')).toContain('/reset/new-password?error=');
    expect(directory.passwordWrites).toHaveLength(0);

    const emailChecked = await verifyByCode(afterSms, 'email');
    const afterEmail = issuedToken(emailChecked)!;
    expect(afterEmail).not.toBe(afterSms);

    const written = await run(
      passwordPost,
      post(
        '/reset/actions/password',
        { password: 'Lantern-Orchard-Fjord-73', confirmation: 'Lantern-Orchard-Fjord-73' },
        afterEmail,
      ),
    );
    expect(written.headers.get('location')).toBe(`${origin}/reset/done`);
    expect(directory.passwordWrites).toHaveLength(1);
    const afterPassword = issuedToken(written)!;
    expect(afterPassword).not.toBe(afterEmail);
    expect(await testDb.db.resetSession.count({ where: { completedAt: { not: null } } })).toBe(1);
    // The audit entries of the attempt (refused requests carry none) still share one reference although the row id followed each token.
    const references = (await testDb.db.auditEvent.findMany({ where: { action: { startsWith: 'reset.' } } })).map(
      (row) => (JSON.parse(row.detailsJson) as { session?: string }).session,
    );
    expect(references.length).toBeGreaterThanOrEqual(4);
    expect(new Set(references.filter(Boolean)).size, JSON.stringify(references)).toBe(1);
    const replay = await run(
      passwordPost,
      post(
        '/reset/actions/password',
        { password: 'Other-Lantern-Orchard-74', confirmation: 'Other-Lantern-Orchard-74' },
        afterEmail,
      ),
    );
    expect(replay.headers.get('location')).toContain('error=');
    expect(directory.passwordWrites).toHaveLength(1);
  });

  it('a wrong code renews nothing: the same token stays valid and no cookie is issued', async () => {
    const started = await run(
      startPost,
      post('/reset/actions/start', { purpose: 'reset', username: adele.userPrincipalName }),
    );
    const token = issuedToken(started)!;
    await settleBackgroundTasks();
    await run(sendCodePost, post('/reset/actions/send-code', { purpose: 'reset', service: 'sms' }, token));
    const wrong = await run(
      checkCodePost,
      post('/reset/actions/check-code', { purpose: 'reset', service: 'sms', code: '00000000' }, token),
    );
    expect(issuedToken(wrong)).toBeUndefined();
    expect(wrong.headers.get('location')).toContain('error=');
    const again = await run(
      sendCodePost,
      post('/reset/actions/send-code', { purpose: 'reset', service: 'email' }, token),
    );
    expect(again.headers.get('location')).toBe(`${origin}/reset/verify/email?sent=1`);
  });
});
