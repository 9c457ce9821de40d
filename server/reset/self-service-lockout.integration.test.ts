// Nobody but the user can end the user's self-service (issue 11, finding 7; FPCS "no lockout from reset
// requests"). Each test plays the attacker first, then the real user, who must still get through.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../database/test-database';
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
import { loadActiveResetSession } from './reset-session-store';
import { startResetSession } from './start-reset-session';
import { checkVerificationCode, sendVerificationCode } from './verification-codes';

let testDb: TestDatabase;
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

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});
beforeEach(() => {
  deps = testResetDependencies(testDb.db, memoryDirectory([{ user: adele, methods: passwordAndPush }]), { entra });
});

async function userSession(): Promise<string> {
  const { token } = await startResetSession(deps, {
    purpose: 'reset',
    username: adele.userPrincipalName,
    origin: user,
  });
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
