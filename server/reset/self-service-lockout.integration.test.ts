// Nobody but the user can end the user's self-service (issue 11, finding 7; FPCS "no lockout from reset
// requests"). Each test plays the attacker first, then the real user, who must still get through.
import { createHash, randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../lib/app-error';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { createRateLimiter } from '../rate-limit/rate-limiter';
import type { EntraMfaVerification } from '../verification/entra-mfa-verification';
import { completeEntraVerification, startEntraVerification } from './entra-reset-verification';
import {
  adele,
  codeIn,
  memoryDirectory,
  passwordAndPush,
  settleBackgroundTasks,
  testResetDependencies,
} from './reset-test-support';
import type { RequestOrigin } from './reset-dependencies';
import { resetLimitersFrom, resetLimitSettings } from './reset-limit-settings';
import { loadActiveResetSession } from './reset-session-store';
import { startResetSession } from './start-reset-session';
import { checkVerificationCode, sendVerificationCode } from './verification-codes';

const testDb = setUpTestDatabase();
let deps: ReturnType<typeof testResetDependencies>;
const user = { ip: '203.0.113.7', userAgent: 'the user' };
const attacker = { ip: '198.51.100.66', userAgent: 'the attacker' };
const realState = 'the-state-entra-sends-back-to-the-user';

// Entra as the user's browser meets it: the state of the round trip it started comes back, anything else is forged.
const entra: Pick<EntraMfaVerification, 'start' | 'complete'> = {
  start: async () => ({
    authorizeUrl: 'https://login.microsoftonline.com/authorize',
    pending: {
      stateHash: createHash('sha256').update(realState).digest('base64url'),
      nonce: 'nonce',
      codeVerifier: 'verifier',
      expectedOid: adele.id,
      binding: 'binding',
      redirectUri: 'http://localhost:3000/reset/verify/entra/callback',
      startedAt: 0,
    },
  }),
  complete: async ({ query, pending }) =>
    createHash('sha256')
      .update(query.state ?? '')
      .digest('base64url') === pending.stateHash
      ? { ok: true, claims: { oid: adele.id } as never }
      : { ok: false, reason: 'stateMismatch' },
};

beforeEach(() => {
  deps = testResetDependencies(testDb.db, memoryDirectory([{ user: adele, methods: passwordAndPush }]), { entra });
});

async function userSession(purpose: 'reset' | 'unlock' = 'reset', origin: RequestOrigin = user): Promise<string> {
  // Each attempt starts at its own instant, as in life (the frozen test clock would give every one the same reference).
  deps.clock.now = new Date(deps.clock.now.getTime() + 1);
  const { token } = await startResetSession(deps, { purpose, username: adele.userPrincipalName, origin });
  await settleBackgroundTasks();
  return token;
}

describe('nobody but the user can end the user self-service', () => {
  it('a callback whose state does not match leaves the pending verification alone', async () => {
    const token = await userSession();
    await startEntraVerification(deps, { token, origin: user });
    // The attacker makes the user's browser open the callback (a top-level GET carries the cookie) many times.
    for (let i = 0; i < 20; i++) {
      const forged = await completeEntraVerification(deps, {
        token,
        query: { state: `forged-${i}`, code: 'attacker-code' },
        origin: attacker,
      });
      expect(forged).toEqual({ outcome: 'failed', reason: 'stateMismatch' });
    }
    // The user comes back from Entra with the real state: verified, and the session is intact.
    const real = await completeEntraVerification(deps, {
      token,
      query: { state: realState, code: 'code-from-entra' },
      origin: user,
    });
    expect(real).toEqual({ outcome: 'verified' });
    const session = await loadActiveResetSession(deps, token);
    expect(session.snapshot.verified).toContain('entraMfa');
    expect(session.row.failures).toBe(0);
  });

  it('a repeated correct code is not a failure', async () => {
    const token = await userSession();
    await sendVerificationCode(deps, { token, service: 'sms', locale: 'en', origin: user });
    await settleBackgroundTasks();
    const code = codeIn(deps.captured.sms.at(-1)?.body ?? '');
    await checkVerificationCode(deps, { token, service: 'sms', code, origin: user });
    // A double click, a browser retry, or someone replaying the form: the same right code again and again.
    // The code stays single use (refused), but nothing is charged.
    for (let i = 0; i < 2 * deps.settings.sessionLimits.maxFailures; i++)
      await expect(
        checkVerificationCode(deps, { token, service: 'sms', code, origin: attacker }),
      ).rejects.toMatchObject({
        code: 'EXPIRED',
        reason: 'expiredCode',
      });
    const session = await loadActiveResetSession(deps, token);
    expect(session.snapshot.verified).toContain('sms');
    expect(session.row.failures).toBe(0);
  });
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

const attackers = (count: number): RequestOrigin[] =>
  Array.from({ length: count }, (_, i) => ({ ip: `198.51.100.${i + 1}`, userAgent: 'the attacker' }));

// The production limits (server/reset/reset-limit-settings.ts), in memory and in Redis (several portal instances),
// each run under its own key prefix.
describe.each([
  { backend: 'memory', redisUrl: '' },
  { backend: 'Redis', redisUrl: 'redis://127.0.0.1:6379' },
])('FPCS no lockout from reset requests: with the production limits ($backend)', ({ redisUrl }) => {
  beforeEach(() => {
    const prefix = `test-trust-${randomUUID()}`;
    const limiters = resetLimitersFrom((setting) =>
      createRateLimiter({ ...setting, keyPrefix: `${prefix}:${setting.keyPrefix}`, redisUrl }),
    );
    deps = testResetDependencies(testDb.db, memoryDirectory([{ user: adele, methods: passwordAndPush }]), {
      entra,
      limiters,
    });
  });

  it('starts for the user’s username from other addresses slow the attacker, not the user’s reset and unlock', async () => {
    const perClient = resetLimitSettings.startPerAccountAndClient.points;
    for (const attacker of attackers(5)) {
      const outcomes = [];
      for (let i = 0; i < perClient + 3; i++)
        outcomes.push(
          await codeOf(
            startResetSession(deps, {
              purpose: i % 2 ? 'unlock' : 'reset',
              username: adele.userPrincipalName,
              origin: attacker,
            }),
          ),
        );
      // The attacker is slowed: their own budget for this username is spent.
      expect(outcomes.filter((outcome) => outcome === 'RATE_LIMITED')).toHaveLength(3);
    }
    await settleBackgroundTasks();
    // The user, from their own address, starts a reset and an unlock and verifies with Entra MFA.
    const token = await userSession('reset');
    await userSession('unlock');
    await startEntraVerification(deps, { token, origin: user });
    const real = await completeEntraVerification(deps, {
      token,
      query: { state: realState, code: 'code-from-entra' },
      origin: user,
    });
    expect(real).toEqual({ outcome: 'verified' });
  });

  it('wrong codes from other sessions and addresses do not spend the user’s code checks', async () => {
    const perClient = resetLimitSettings.verifyPerAccountAndClient.points;
    const maxFailures = deps.settings.sessionLimits.maxFailures;
    for (const attacker of attackers(5)) {
      let token = '';
      let outcome = '';
      for (let guess = 0; guess < perClient + maxFailures && outcome !== 'RATE_LIMITED'; guess++) {
        // A session ends after maxFailures wrong codes: the attacker opens another one.
        if (guess % maxFailures === 0) token = await userSession('reset', attacker);
        outcome = await codeOf(
          checkVerificationCode(deps, { token, service: 'sms', code: '12345678', origin: attacker }),
        );
      }
      expect(outcome).toBe('RATE_LIMITED');
    }
    // The user's own session, from their address: the code they receive counts.
    const token = await userSession();
    await sendVerificationCode(deps, { token, service: 'sms', locale: 'en', origin: user });
    await settleBackgroundTasks();
    const code = codeIn(deps.captured.sms.at(-1)?.body ?? '');
    await checkVerificationCode(deps, { token, service: 'sms', code, origin: user });
    expect((await loadActiveResetSession(deps, token)).snapshot.verified).toContain('sms');
  });

  it('ASVS5 6.6.3: the per-account ceiling still bounds code guessing from many addresses', async () => {
    const ceiling = resetLimitSettings.verifyPerAccount.points;
    const perClient = resetLimitSettings.verifyPerAccountAndClient.points;
    const maxFailures = deps.settings.sessionLimits.maxFailures;
    let checked = 0;
    for (const attacker of attackers(ceiling / perClient + 1)) {
      let token = '';
      for (let guess = 0; guess < perClient; guess++) {
        if (guess % maxFailures === 0) token = await userSession('reset', attacker);
        const outcome = await codeOf(
          checkVerificationCode(deps, { token, service: 'sms', code: '12345678', origin: attacker }),
        );
        if (outcome !== 'RATE_LIMITED') checked++;
      }
    }
    // Eleven addresses' worth of budgets, but the account as a whole is checked at most `ceiling` times.
    expect(checked).toBe(ceiling);
  });
});
