// Security requirements of issue 4 at the server-function level, against a real migrated database
// (SQLite by default; PostgreSQL with `npm run test:postgres`). Each test is named after the requirement.
import { beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../lib/app-error';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { changePassword } from './change-password';
import {
  adele,
  codeIn,
  memoryDirectory,
  memoryLimiter,
  nestor,
  passwordAndPush,
  passwordOnly,
  settleBackgroundTasks,
  testResetDependencies,
  type MemoryDirectory,
} from './reset-test-support';
import { loadResetSession } from './reset-session-store';
import { startResetSession } from './start-reset-session';
import { checkVerificationCode, sendVerificationCode } from './verification-codes';
import { signOutOtherSessions } from './sign-out-other-sessions';
import { unlockAccount } from './unlock-account';
import { verifyTotp } from './verify-totp';
import { sealSecret } from '../account/sealed-secret';
import { newTotp, totpCodeAt } from '../account/totp';

const testDb = setUpTestDatabase();
let directory: MemoryDirectory;
let deps: ReturnType<typeof testResetDependencies>;
const origin = { ip: '203.0.113.7', userAgent: 'vitest' };
const newPassword = 'Blue-Harbour-Lantern-82';

beforeEach(() => {
  directory = memoryDirectory([
    { user: adele, methods: passwordAndPush },
    { user: nestor, methods: passwordOnly },
  ]);
  deps = testResetDependencies(testDb.db, directory);
});

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; reason: unknown; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, reason: error.details.reason, message: error.message };
    if (error instanceof Error && error.name === 'ZodError')
      return { code: 'INVALID_INPUT', reason: 'zod', message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

async function start(username = adele.userPrincipalName, purpose: 'reset' | 'unlock' = 'reset') {
  const { token } = await startResetSession(deps, { purpose, username, origin });
  await settleBackgroundTasks();
  return token;
}

async function sendAndRead(token: string, service: 'sms' | 'email') {
  const before = service === 'sms' ? deps.captured.sms.length : deps.captured.emails.length;
  await sendVerificationCode(deps, { token, service, locale: 'en', origin });
  await settleBackgroundTasks();
  const list = service === 'sms' ? deps.captured.sms.map((m) => m.body) : deps.captured.emails.map((m) => m.text);
  expect(list.length).toBe(before + 1);
  return codeIn(list.at(-1) ?? '');
}

async function enrolTotp(userId: string) {
  const { secretBase32 } = newTotp('adele');
  await testDb.db.portalCredential.create({
    data: {
      id: crypto.randomUUID(),
      userId,
      kind: 'totp',
      secretSealed: sealSecret(deps.settings.secret, secretBase32),
      createdAt: deps.now(),
    },
  });
  return secretBase32;
}

describe('codes and sessions (ASVS5 6.5.1-6.5.5, 6.6.3)', () => {
  it('codes come from the CSPRNG with at least 20 bits and are stored hashed', async () => {
    const token = await start();
    const code = await sendAndRead(token, 'sms');
    expect(code).toMatch(/^\d{8}$/);
    const rows = await testDb.db.verificationChallenge.findMany({ where: { service: 'sms' } });
    for (const row of rows) {
      expect(row.codeHash).not.toContain(code);
      expect(JSON.stringify(row)).not.toContain(code);
    }
  });

  it('a code is single use: reusing it is refused', async () => {
    const token = await start();
    const code = await sendAndRead(token, 'sms');
    await checkVerificationCode(deps, { token, service: 'sms', code, origin });
    expect(await errorOf(checkVerificationCode(deps, { token, service: 'sms', code, origin }))).toMatchObject({
      code: 'EXPIRED',
      reason: 'expiredCode',
    });
  });

  it('a code is bound to the reset session that asked for it', async () => {
    const token = await start();
    const other = await start();
    const code = await sendAndRead(token, 'sms');
    expect(await errorOf(checkVerificationCode(deps, { token: other, service: 'sms', code, origin }))).toMatchObject({
      code: 'EXPIRED',
    });
    // And to its service: an SMS code is not an email code.
    expect(await errorOf(checkVerificationCode(deps, { token, service: 'email', code, origin }))).toMatchObject({
      code: 'EXPIRED',
    });
  });

  it('a code lives 10 minutes', async () => {
    const token = await start();
    const code = await sendAndRead(token, 'email');
    deps.clock.now = new Date(deps.clock.now.getTime() + 10 * 60_000 + 1);
    expect(await errorOf(checkVerificationCode(deps, { token, service: 'email', code, origin }))).toMatchObject({
      code: 'EXPIRED',
      reason: 'expiredCode',
    });
  });

  it('at most 5 wrong tries per code: the right code is refused afterwards', async () => {
    const token = await start();
    const code = await sendAndRead(token, 'sms');
    const wrong = code === '00000000' ? '11111111' : '00000000';
    for (let i = 0; i < 5; i++)
      expect(await errorOf(checkVerificationCode(deps, { token, service: 'sms', code: wrong, origin }))).toMatchObject({
        reason: 'wrongCode',
      });
    expect(await errorOf(checkVerificationCode(deps, { token, service: 'sms', code, origin }))).toMatchObject({
      code: 'RATE_LIMITED',
      reason: 'tooManyTries',
    });
  });

  it('5 parallel guesses cannot exceed the per-code limit', async () => {
    const token = await start();
    const code = await sendAndRead(token, 'sms');
    const wrong = code === '00000000' ? '11111111' : '00000000';
    await Promise.allSettled(
      Array.from({ length: 12 }, () => checkVerificationCode(deps, { token, service: 'sms', code: wrong, origin })),
    );
    const challenge = await testDb.db.verificationChallenge.findFirstOrThrow({
      where: { consumedAt: null, service: 'sms' },
      orderBy: { createdAt: 'desc' },
    });
    expect(challenge.attempts).toBeLessThanOrEqual(5);
  });

  it('a new code replaces the previous one', async () => {
    const token = await start();
    const first = await sendAndRead(token, 'sms');
    const second = await sendAndRead(token, 'sms');
    if (first !== second)
      expect(await errorOf(checkVerificationCode(deps, { token, service: 'sms', code: first, origin }))).toMatchObject({
        code: 'INVALID_INPUT',
      });
    await checkVerificationCode(deps, { token, service: 'sms', code: second, origin });
  });

  it('per-account rate limit on sending codes: nobody’s phone can be flooded', async () => {
    deps = testResetDependencies(testDb.db, directory, {
      limiters: { ...deps.limiters, sendPerAccount: memoryLimiter(3) },
    });
    for (let i = 0; i < 3; i++) {
      const token = await start();
      await sendVerificationCode(deps, {
        token,
        service: 'sms',
        locale: 'en',
        origin: { ...origin, ip: `198.51.100.${i}` },
      });
    }
    const token = await start();
    expect(
      await errorOf(
        sendVerificationCode(deps, { token, service: 'sms', locale: 'en', origin: { ...origin, ip: '198.51.100.99' } }),
      ),
    ).toMatchObject({ code: 'RATE_LIMITED' });
    await settleBackgroundTasks();
    expect(deps.captured.sms).toHaveLength(3);
  });

  it('per-IP rate limit on starting resets and on sending codes', async () => {
    deps = testResetDependencies(testDb.db, directory, {
      limiters: { ...deps.limiters, startPerIp: memoryLimiter(2), sendPerIp: memoryLimiter(1) },
    });
    const token = await start('adele.vance@contoso.test');
    await start('nobody@contoso.test');
    expect(
      await errorOf(startResetSession(deps, { purpose: 'reset', username: 'nestor.wilke@contoso.test', origin })),
    ).toMatchObject({ code: 'RATE_LIMITED' });
    await sendVerificationCode(deps, { token, service: 'email', locale: 'en', origin });
    expect(await errorOf(sendVerificationCode(deps, { token, service: 'email', locale: 'en', origin }))).toMatchObject({
      code: 'RATE_LIMITED',
    });
  });

  it('asking for a reset changes nothing on the account', async () => {
    await start();
    await sendAndRead(await start(), 'sms');
    expect(directory.passwordWrites).toEqual([]);
    expect(directory.unlocks).toEqual([]);
  });

  it('a reset session ends after 15 minutes', async () => {
    const token = await start();
    deps.clock.now = new Date(deps.clock.now.getTime() + 15 * 60_000);
    expect(await errorOf(sendVerificationCode(deps, { token, service: 'sms', locale: 'en', origin }))).toMatchObject({
      code: 'EXPIRED',
    });
  });

  it('a reset session ends after too many failures', async () => {
    const token = await start();
    for (let i = 0; i < deps.settings.sessionLimits.maxFailures; i++)
      await errorOf(verifyTotp(deps, { token, code: '000000', origin }));
    expect((await loadResetSession(deps, token)).status).toBe('tooManyFailures');
    expect(await errorOf(sendVerificationCode(deps, { token, service: 'sms', locale: 'en', origin }))).toMatchObject({
      code: 'EXPIRED',
    });
  });

  it('a reset session ends after success', async () => {
    const token = await start();
    const secret = await enrolTotp(adele.id);
    await checkVerificationCode(deps, { token, service: 'sms', code: await sendAndRead(token, 'sms'), origin });
    await verifyTotp(deps, { token, code: totpCodeAt(secret, deps.now()), origin });
    await changePassword(deps, { token, password: newPassword, confirmation: newPassword, locale: 'en', origin });
    expect((await loadResetSession(deps, token)).status).toBe('completed');
    expect(
      await errorOf(
        changePassword(deps, { token, password: newPassword, confirmation: newPassword, locale: 'en', origin }),
      ),
    ).toMatchObject({ code: 'EXPIRED' });
  });

  it('an unknown account gets a session and "sent" answers, but nothing is ever delivered or verified', async () => {
    const token = await start('nobody@contoso.test');
    await sendVerificationCode(deps, { token, service: 'sms', locale: 'en', origin });
    await sendVerificationCode(deps, { token, service: 'email', locale: 'en', origin });
    await settleBackgroundTasks();
    expect(deps.captured.sms).toEqual([]);
    expect(deps.captured.emails).toEqual([]);
    expect(await errorOf(verifyTotp(deps, { token, code: '123456', origin }))).toMatchObject({ reason: 'wrongCode' });
  });
});

describe('a reset never bypasses MFA (ASVS5 6.4.3)', () => {
  it('email and SMS codes alone never reach the reset threshold when the user has MFA registered', async () => {
    deps.settings.starPolicy = {
      ...deps.settings.starPolicy,
      stars: { ...deps.settings.starPolicy.stars, sms: 2, email: 2 },
    };
    const token = await start();
    await checkVerificationCode(deps, { token, service: 'sms', code: await sendAndRead(token, 'sms'), origin });
    await checkVerificationCode(deps, { token, service: 'email', code: await sendAndRead(token, 'email'), origin });
    const session = await loadResetSession(deps, token);
    expect(session.score).toMatchObject({ stars: 4, isEnough: false, isHeldBackByMfaRule: true });
    expect(
      await errorOf(
        changePassword(deps, { token, password: newPassword, confirmation: newPassword, locale: 'en', origin }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'notEnoughStars' });
    expect(directory.passwordWrites).toEqual([]);
  });

  it('the same codes do reach it for a user without MFA registered', async () => {
    deps.settings.starPolicy = {
      ...deps.settings.starPolicy,
      stars: { ...deps.settings.starPolicy.stars, sms: 2, email: 2 },
    };
    const token = await start(nestor.userPrincipalName);
    await checkVerificationCode(deps, { token, service: 'sms', code: await sendAndRead(token, 'sms'), origin });
    await checkVerificationCode(deps, { token, service: 'email', code: await sendAndRead(token, 'email'), origin });
    await changePassword(deps, { token, password: newPassword, confirmation: newPassword, locale: 'en', origin });
    expect(directory.passwordWrites).toEqual([{ id: nestor.id, password: newPassword }]);
  });
});

describe('concurrency', () => {
  it('50 simultaneous submissions of the same verified reset session change the password once and produce one audit success', async () => {
    const token = await start();
    const secret = await enrolTotp(adele.id);
    await checkVerificationCode(deps, { token, service: 'sms', code: await sendAndRead(token, 'sms'), origin });
    await verifyTotp(deps, { token, code: totpCodeAt(secret, deps.now()), origin });
    const auditBefore = await testDb.db.auditEvent.count({ where: { action: 'reset.passwordChanged' } });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        changePassword(deps, { token, password: newPassword, confirmation: newPassword, locale: 'en', origin }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(directory.passwordWrites).toHaveLength(1);
    expect(await testDb.db.auditEvent.count({ where: { action: 'reset.passwordChanged', outcome: 'success' } })).toBe(
      auditBefore + 1,
    );
  });
});

describe('password write', () => {
  async function verifiedSession() {
    const token = await start();
    const secret = await enrolTotp(adele.id);
    await checkVerificationCode(deps, { token, service: 'sms', code: await sendAndRead(token, 'sms'), origin });
    await verifyTotp(deps, { token, code: totpCodeAt(secret, deps.now()), origin });
    return token;
  }

  it('the server checks the same rules as the page (banned words, name parts, confirmation)', async () => {
    const token = await verifiedSession();
    expect(
      await errorOf(
        changePassword(deps, {
          token,
          password: 'Adele-Harbour-1982',
          confirmation: 'Adele-Harbour-1982',
          locale: 'en',
          origin,
        }),
      ),
    ).toMatchObject({ code: 'INVALID_INPUT', reason: 'passwordRules' });
    expect(
      await errorOf(
        changePassword(deps, { token, password: newPassword, confirmation: `${newPassword}x`, locale: 'en', origin }),
      ),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    expect(directory.passwordWrites).toEqual([]);
  });

  it("Entra's rejection is shown as a clear message and the user can try another password", async () => {
    const token = await verifiedSession();
    const entraMessage = 'The password you chose is one that is commonly used. Please provide a different password.';
    directory.rejectNextPassword = entraMessage;
    expect(
      await errorOf(
        changePassword(deps, { token, password: newPassword, confirmation: newPassword, locale: 'en', origin }),
      ),
    ).toMatchObject({ code: 'INVALID_INPUT', reason: 'entraBanned', message: entraMessage });
    await changePassword(deps, {
      token,
      password: 'Quiet-Meadow-Compass-47',
      confirmation: 'Quiet-Meadow-Compass-47',
      locale: 'en',
      origin,
    });
    expect(directory.passwordWrites).toHaveLength(1);
  });

  it('notifies the user by email after the change, without the password, and offers to sign out other sessions once', async () => {
    const token = await verifiedSession();
    await changePassword(deps, { token, password: newPassword, confirmation: newPassword, locale: 'en', origin });
    await settleBackgroundTasks();
    const notice = deps.captured.emails.find((m) => m.subject === 'Your password was changed');
    expect(notice?.to).toBe(adele.alternateEmail);
    expect(notice?.text).not.toContain(newPassword);
    await signOutOtherSessions(deps, { token, locale: 'en', origin });
    await signOutOtherSessions(deps, { token, locale: 'en', origin });
    expect(directory.revocations).toEqual([adele.id]);
  });

  it('the audit log records who, what, services, result, IP and user agent, and never a secret', async () => {
    const token = await verifiedSession();
    await changePassword(deps, { token, password: newPassword, confirmation: newPassword, locale: 'en', origin });
    await settleBackgroundTasks();
    const events = await testDb.db.auditEvent.findMany({ where: { subjectId: adele.id } });
    const changed = events.find((e) => e.action === 'reset.passwordChanged');
    expect(changed).toMatchObject({ outcome: 'success', ip: origin.ip, userAgent: origin.userAgent });
    expect(JSON.parse(changed?.detailsJson ?? '{}')).toMatchObject({ services: ['sms', 'totp'] });
    const codes = deps.captured.sms.map((m) => codeIn(m.body));
    const everything = JSON.stringify(events);
    for (const secret of [newPassword, token, ...codes]) expect(everything).not.toContain(secret);
  });
});

describe('unlock', () => {
  it('unlock needs fewer stars (2): SMS + email unlock the account once', async () => {
    const token = await start(adele.userPrincipalName, 'unlock');
    await checkVerificationCode(deps, { token, service: 'sms', code: await sendAndRead(token, 'sms'), origin });
    expect(await errorOf(unlockAccount(deps, { token, locale: 'en', origin }))).toMatchObject({ code: 'FORBIDDEN' });
    await checkVerificationCode(deps, { token, service: 'email', code: await sendAndRead(token, 'email'), origin });
    await Promise.allSettled([
      unlockAccount(deps, { token, locale: 'en', origin }),
      unlockAccount(deps, { token, locale: 'en', origin }),
    ]);
    expect(directory.unlocks).toEqual([adele.id]);
    // An unlock session cannot change the password.
    expect(
      await errorOf(
        changePassword(deps, { token, password: newPassword, confirmation: newPassword, locale: 'en', origin }),
      ),
    ).toMatchObject({ code: 'EXPIRED' });
  });
});

describe('every input is validated; malformed input is a clear 4xx', () => {
  it.each([
    ['empty username', () => startResetSession(deps, { purpose: 'reset', username: '', origin })],
    ['username without a domain', () => startResetSession(deps, { purpose: 'reset', username: 'adele', origin })],
    [
      'huge username',
      () => startResetSession(deps, { purpose: 'reset', username: `${'a'.repeat(300)}@x.test`, origin }),
    ],
  ])('%s', async (_name, run) => {
    expect((await errorOf(run())).code).toBe('INVALID_INPUT');
  });

  it('a letter code, a missing session and a forged token are refused', async () => {
    const token = await start();
    expect((await errorOf(checkVerificationCode(deps, { token, service: 'sms', code: 'abcdefgh', origin }))).code).toBe(
      'INVALID_INPUT',
    );
    expect(
      (await errorOf(checkVerificationCode(deps, { token: undefined, service: 'sms', code: '12345678', origin }))).code,
    ).toBe('UNAUTHORIZED');
    expect(
      (await errorOf(checkVerificationCode(deps, { token: 'forged', service: 'sms', code: '12345678', origin }))).code,
    ).toBe('UNAUTHORIZED');
  });
});

describe('no open redirects', () => {
  it('keeps a return URL on the allow list and drops any other', async () => {
    deps.settings.returnUrlAllowList = ['/', 'https://myapps.contoso.test/'];
    const cases = [
      ['/account', '/account'],
      ['https://myapps.contoso.test/apps', 'https://myapps.contoso.test/apps'],
      ['https://evil.test/phish', null],
      ['//evil.test', null],
    ] as const;
    for (const [candidate, stored] of cases) {
      const { token } = await startResetSession(deps, {
        purpose: 'reset',
        username: adele.userPrincipalName,
        origin,
        returnUrl: candidate,
      });
      expect((await loadResetSession(deps, token)).row.returnUrl).toBe(stored);
    }
    await settleBackgroundTasks();
  });
});

describe('passkey service', () => {
  it('gives the same WebAuthn options (no credential list) for an existing and an unknown account', async () => {
    const { passkeyAuthenticationOptions } = await import('./verify-passkey');
    const known = await passkeyAuthenticationOptions(deps, { token: await start() });
    const unknown = await passkeyAuthenticationOptions(deps, { token: await start('nobody@contoso.test') });
    const shape = (options: object) =>
      Object.fromEntries(Object.entries(options).filter(([key]) => key !== 'challenge'));
    expect(shape(known)).toEqual(shape(unknown));
    expect(known.allowCredentials ?? []).toEqual([]);
    expect(known.challenge).not.toBe(unknown.challenge);
  });

  it('an assertion for a credential the account does not own is refused and counted as a failure', async () => {
    const { passkeyAuthenticationOptions, verifyPasskey } = await import('./verify-passkey');
    const token = await start();
    await passkeyAuthenticationOptions(deps, { token });
    const forged = {
      id: 'AAAA',
      rawId: 'AAAA',
      type: 'public-key',
      response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA' },
    };
    expect(await errorOf(verifyPasskey(deps, { token, response: forged, origin }))).toMatchObject({
      code: 'INVALID_INPUT',
      reason: 'passkeyFailed',
    });
    expect((await loadResetSession(deps, token)).row.failures).toBe(1);
    expect(await errorOf(verifyPasskey(deps, { token, response: { nonsense: true }, origin }))).toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
