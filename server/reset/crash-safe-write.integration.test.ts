// Crash-safe password changes and unlocks (issue 12, findings 2 and 3), against a real migrated database:
// a Graph write whose answer is lost is reconciled with lastPasswordChangeDateTime instead of being
// reported as a failure, and a claim left by a process that died expires with its lease.
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError, isAppError } from '../../lib/app-error';
import { newTotp, totpCodeAt } from '../account/totp';
import { sealSecret } from '../account/sealed-secret';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { changePassword } from './change-password';
import { backWithError } from './http/reset-route-options';
import { claimWithIntent, reconcileExpiredWrites, writeLeaseSeconds } from './directory-write-intent';
import {
  adele,
  codeIn,
  memoryDirectory,
  passwordAndPush,
  settleBackgroundTasks,
  testResetDependencies,
  type MemoryDirectory,
} from './reset-test-support';
import { loadResetSession } from './reset-session-store';
import { startResetSession } from './start-reset-session';
import { unlockAccount } from './unlock-account';
import { checkVerificationCode, sendVerificationCode } from './verification-codes';
import { verifyTotp } from './verify-totp';
import type { RequestFailure } from '../http/request-failure';

const testDb = setUpTestDatabase();
let directory: MemoryDirectory;
let deps: ReturnType<typeof testResetDependencies>;
const origin = { ip: '203.0.113.8', userAgent: 'vitest' };
const newPassword = 'Blue-Harbour-Lantern-82';

beforeEach(async () => {
  await testDb.db.auditEvent.deleteMany({});
  directory = memoryDirectory([{ user: adele, methods: passwordAndPush }]);
  deps = testResetDependencies(testDb.db, directory);
  directory.now = () => deps.now();
});

async function verifiedSession(purpose: 'reset' | 'unlock' = 'reset') {
  const { token } = await startResetSession(deps, { purpose, username: adele.userPrincipalName, origin });
  await settleBackgroundTasks();
  await testDb.db.portalCredential.deleteMany({ where: { userId: adele.id } });
  const { secretBase32 } = newTotp('adele');
  await testDb.db.portalCredential.create({
    data: {
      id: crypto.randomUUID(),
      userId: adele.id,
      kind: 'totp',
      secretSealed: sealSecret(deps.settings.secret, secretBase32),
      createdAt: deps.now(),
    },
  });
  await sendVerificationCode(deps, { token, service: 'sms', locale: 'en', origin });
  await settleBackgroundTasks();
  const code = codeIn(deps.captured.sms.at(-1)?.body ?? '');
  await checkVerificationCode(deps, { token, service: 'sms', code, origin });
  await verifyTotp(deps, { token, code: totpCodeAt(secretBase32, deps.now()), origin });
  return token;
}

// What graphRequest throws when Graph's answer does not arrive within its timeout (server/graph/graph-client.ts).
const lostAnswer = () =>
  new AppError('UPSTREAM_ERROR', 'Microsoft Graph could not be reached.', {
    cause: 'TimeoutError: The operation was aborted due to timeout',
    isOutcomeUnknown: true,
  });

async function actions() {
  const entries = await testDb.db.auditEvent.findMany({ orderBy: { seq: 'asc' } });
  return entries.map((entry) => entry.action).filter((action) => /password|unlock\./.test(action));
}

async function reasonOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.reason;
    throw error;
  }
  return undefined;
}

const change = (token: string) =>
  changePassword(deps, { token, password: newPassword, confirmation: newPassword, locale: 'en', origin });

describe('a password write whose answer is lost (issue 12, finding 3)', () => {
  it('Graph applies the password but answers after the timeout: no reset.passwordRejected, reconciliation records reset.passwordChanged', async () => {
    const token = await verifiedSession();
    const apply = directory.setPassword.bind(directory);
    directory.setPassword = async (id, password) => {
      await apply(id, password);
      throw lostAnswer();
    };
    await change(token);
    await settleBackgroundTasks();
    expect(directory.passwordWrites).toHaveLength(1);
    expect(await actions()).toEqual(['reset.passwordChanged']);
    expect((await loadResetSession(deps, token)).status).toBe('completed');
    expect(deps.captured.emails.filter((mail) => /password/i.test(mail.subject))).toHaveLength(1);
  });

  it('while Graph does not show the change yet the user is told "confirming", then the page settles it', async () => {
    const token = await verifiedSession();
    const apply = directory.setPassword.bind(directory);
    let isReplicated = false;
    const lastChange = directory.lastPasswordChange.bind(directory);
    directory.lastPasswordChange = async (id) => (isReplicated ? lastChange(id) : null);
    directory.setPassword = async (id, password) => {
      await apply(id, password);
      throw lostAnswer();
    };
    expect(await reasonOf(change(token))).toBe('confirmingChange');
    // A second submit while it is being confirmed neither writes again nor reports a failure.
    expect(await reasonOf(change(token))).toBe('confirmingChange');
    expect(directory.passwordWrites).toHaveLength(1);
    isReplicated = true;
    expect(await reasonOf(change(token))).toBe('completed');
    expect(await actions()).toEqual(['reset.passwordChanged']);
  });

  it('a write that never landed is released after the lease so the user can try again', async () => {
    const token = await verifiedSession();
    const apply = directory.setPassword.bind(directory);
    directory.setPassword = async () => {
      throw lostAnswer();
    };
    expect(await reasonOf(change(token))).toBe('confirmingChange');
    deps.clock.now = new Date(deps.clock.now.getTime() + (writeLeaseSeconds + 1) * 1000);
    expect(await reconcileExpiredWrites(deps)).toBe(1);
    directory.setPassword = apply;
    await change(token);
    expect(directory.passwordWrites).toHaveLength(1);
    expect(await actions()).toEqual(['reset.passwordRejected', 'reset.passwordChanged']);
  });
});

describe('a claim left by a crashed process (issue 12, finding 2)', () => {
  it('expires after the lease: before it the user is told "confirming", after it the reset can finish', async () => {
    const token = await verifiedSession();
    const session = await loadResetSession(deps, token);
    // The process claimed the session and wrote its intent, then died before calling Graph.
    expect(
      await claimWithIntent(deps, {
        sessionId: session.row.id,
        kind: 'password',
        userId: adele.id,
        locale: 'en',
        origin,
      }),
    ).not.toBeNull();
    expect(await reasonOf(change(token))).toBe('confirmingChange');
    deps.clock.now = new Date(deps.clock.now.getTime() + (writeLeaseSeconds + 1) * 1000);
    await change(token);
    expect(directory.passwordWrites).toHaveLength(1);
    expect((await loadResetSession(deps, token)).status).toBe('completed');
  });

  it('the lease is the configured RESET_WRITE_LEASE_SECONDS: confirming before it, released after it', async () => {
    deps.settings = { ...deps.settings, writeLeaseSeconds: 25 };
    const token = await verifiedSession();
    const session = await loadResetSession(deps, token);
    const intent = await claimWithIntent(deps, {
      sessionId: session.row.id,
      kind: 'password',
      userId: adele.id,
      locale: 'en',
      origin,
    });
    expect(intent?.leaseExpiresAt.getTime()).toBe(deps.now().getTime() + 25_000);
    const claimedAt = deps.now().getTime();
    deps.clock.now = new Date(claimedAt + 24_000);
    expect(await reasonOf(change(token))).toBe('confirmingChange');
    deps.clock.now = new Date(claimedAt + 26_000);
    await change(token);
    expect(directory.passwordWrites).toHaveLength(1);
    expect((await loadResetSession(deps, token)).status).toBe('completed');
  });

  it('died after Graph applied the password: the sweep completes it with reset.passwordChanged and one e-mail', async () => {
    const token = await verifiedSession();
    const session = await loadResetSession(deps, token);
    await claimWithIntent(deps, {
      sessionId: session.row.id,
      kind: 'password',
      userId: adele.id,
      locale: 'en',
      origin,
    });
    await directory.setPassword(adele.id, newPassword);
    deps.clock.now = new Date(deps.clock.now.getTime() + (writeLeaseSeconds + 1) * 1000);
    expect(await reconcileExpiredWrites(deps)).toBe(1);
    expect(await reconcileExpiredWrites(deps)).toBe(0);
    await settleBackgroundTasks();
    expect(await actions()).toEqual(['reset.passwordChanged']);
    expect((await loadResetSession(deps, token)).status).toBe('completed');
    expect(deps.captured.emails.filter((mail) => /password/i.test(mail.subject))).toHaveLength(1);
  });

  it('an unlock whose answer was lost is done again after the lease and completed once', async () => {
    const token = await verifiedSession('unlock');
    directory.unlock = async () => {
      throw lostAnswer();
    };
    expect(await reasonOf(unlockAccount(deps, { token, locale: 'en', origin }))).toBe('confirmingChange');
    const unlocked: string[] = [];
    directory.unlock = async (id) => {
      unlocked.push(id);
    };
    deps.clock.now = new Date(deps.clock.now.getTime() + (writeLeaseSeconds + 1) * 1000);
    expect(await reconcileExpiredWrites(deps)).toBe(1);
    expect(unlocked).toEqual([adele.id]);
    expect(await actions()).toEqual(['unlock.completed']);
  });
});

describe('the confirming page instead of a false failure', () => {
  it('a form whose write is being confirmed goes to /reset/confirming or /unlock/confirming, never back with ?error=', () => {
    const confirming: RequestFailure = { code: 'CONFLICT', message: 'confirming', reason: 'confirmingChange' };
    expect(backWithError('/reset/new-password')(confirming, {})).toBe('/reset/confirming');
    expect(backWithError('/unlock/services')(confirming, {})).toBe('/unlock/confirming');
    expect(backWithError('/reset/new-password')({ ...confirming, reason: 'entraRejected' }, {})).toBe(
      '/reset/new-password?error=entraRejected',
    );
  });
});
