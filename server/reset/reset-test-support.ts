// Test support for the reset functions: an in-memory directory that records every write, memory rate
// limiters, a settable clock, and captured messages. Used by integration tests only (never imported by
// app/ code).
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { AppError } from '../../lib/app-error';
import { loadConfig } from '../config';
import type { DatabaseClient } from '../database/create-database-client';
import type { EntraMfaVerification } from '../verification/entra-mfa-verification';
import { noOnPremisesDirectories } from '../hybrid/on-premises-directories';
import { settleBackgroundTasks, runInBackground } from './background-tasks';
import type { Limiter, ResetDependencies, ResetLimiters } from './reset-dependencies';
import { resetLimitersFrom } from './reset-limit-settings';
import type { DirectoryMethod, ResetDirectoryUser, ResetDirectory } from './reset-directory';
import { resetSettingsFrom } from './reset-settings';

export const adele: ResetDirectoryUser = {
  id: 'user-adele',
  userPrincipalName: 'adele.vance@contoso.test',
  displayName: 'Adele Vance',
  mobilePhone: '+1 555 0101',
  alternateEmail: 'adele.vance@personal.test',
};
export const nestor: ResetDirectoryUser = {
  id: 'user-nestor',
  userPrincipalName: 'nestor.wilke@contoso.test',
  displayName: 'Nestor Wilke',
  mobilePhone: '+1 555 0104',
  alternateEmail: 'nestor.wilke@personal.test',
};

export type MemoryDirectory = ResetDirectory & {
  passwordWrites: { id: string; password: string }[];
  /** When each user's password last changed (Graph lastPasswordChangeDateTime); set by setPassword. */
  passwordChangedAt: Map<string, Date>;
  /** The clock setPassword stamps changes with (the test's clock when it has one). */
  now: () => Date;
  unlocks: string[];
  revocations: string[];
  rejectNextPassword?: string;
};

export function memoryDirectory(users: { user: ResetDirectoryUser; methods: DirectoryMethod[] }[]): MemoryDirectory {
  const byName = new Map(users.map((entry) => [entry.user.userPrincipalName.toLowerCase(), entry]));
  const byId = new Map(users.map((entry) => [entry.user.id, entry]));
  const directory: MemoryDirectory = {
    passwordWrites: [],
    passwordChangedAt: new Map(),
    now: () => new Date(),
    unlocks: [],
    revocations: [],
    async findUser(username) {
      return byName.get(username.toLowerCase())?.user ?? null;
    },
    async getUser(id) {
      const entry = byId.get(id);
      if (!entry) throw new AppError('NOT_FOUND', 'no such user');
      return entry.user;
    },
    async listMethods(id) {
      return byId.get(id)?.methods ?? [];
    },
    async setPassword(id, password) {
      // Let the event loop interleave concurrent callers, as a network call would.
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (directory.rejectNextPassword) {
        const message = directory.rejectNextPassword;
        directory.rejectNextPassword = undefined;
        throw new AppError('INVALID_INPUT', message);
      }
      directory.passwordWrites.push({ id, password });
      directory.passwordChangedAt.set(id, directory.now());
    },
    async lastPasswordChange(id) {
      return directory.passwordChangedAt.get(id) ?? null;
    },
    async unlock(id) {
      directory.unlocks.push(id);
    },
    async revokeSignInSessions(id) {
      directory.revocations.push(id);
    },
  };
  return directory;
}

export const passwordAndPush: DirectoryMethod[] = [
  { kind: 'password', isPasswordlessCapable: false },
  { kind: 'authenticator', isPasswordlessCapable: false },
];
export const passwordOnly: DirectoryMethod[] = [{ kind: 'password', isPasswordlessCapable: false }];

export function memoryLimiter(points: number, durationSeconds = 900): Limiter {
  const limiter = new RateLimiterMemory({ points, duration: durationSeconds });
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
        return { allowed: true, retryAfterSeconds: 0 };
      } catch (rejection) {
        const ms = (rejection as { msBeforeNext?: number }).msBeforeNext ?? 1000;
        return { allowed: false, retryAfterSeconds: Math.ceil(ms / 1000) };
      }
    },
  };
}

/** Every reset limiter in memory, each with `points` per window (tests that are not about the limits). */
export function memoryResetLimiters(points: number): ResetLimiters {
  return resetLimitersFrom(() => memoryLimiter(points));
}

export type Captured = { emails: { to: string; subject: string; text: string }[]; sms: { to: string; body: string }[] };

export function testResetDependencies(
  db: DatabaseClient,
  directory: ResetDirectory,
  overrides: Partial<ResetDependencies> = {},
): ResetDependencies & { clock: { now: Date }; captured: Captured } {
  const clock = { now: new Date('2026-11-26T10:00:00Z') };
  const captured: Captured = { emails: [], sms: [] };
  const unusedEntra: Pick<EntraMfaVerification, 'start' | 'complete'> = {
    start: async () => {
      throw new Error('Entra not configured in this test');
    },
    complete: async () => {
      throw new Error('Entra not configured in this test');
    },
  };
  return {
    db,
    directory,
    onPremises: noOnPremisesDirectories,
    settings: resetSettingsFrom(loadConfig({ AUTH_SECRET: 'test-secret-test-secret-test-secret-0000' })),
    entra: unusedEntra,
    now: () => clock.now,
    sendEmail: async (message) => {
      captured.emails.push(message);
    },
    sendSms: async (message) => {
      captured.sms.push(message);
    },
    limiters: memoryResetLimiters(1000),
    inBackground: runInBackground,
    clock,
    captured,
    ...overrides,
  };
}

export { settleBackgroundTasks };

export function codeIn(text: string): string {
  const match = /\b(\d{8})\b/.exec(text);
  if (!match?.[1]) throw new Error(`no code in: ${text}`);
  return match[1];
}
