import 'server-only';
// Reading and updating reset sessions. Every next state is computed by the pure transitions of
// lib/reset/reset-session-state.ts and written with a compare-and-set (`updateMany` with the state it was
// computed from in `where`, retried when another request won): the database decides, not a read-then-write.
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import { isIdentityServiceId, type IdentityServiceId, type ResetPurpose } from '../../lib/reset/identity-services';
import {
  assertResetSessionActive,
  resetSessionStatus,
  withCompletion,
  withFailure,
  withServiceVerified,
  type ResetSessionSnapshot,
  type ResetSessionStatus,
} from '../../lib/reset/reset-session-state';
import { scoreVerifications, type StarScore } from '../../lib/reset/star-scoring';
import { hasMfaMethod } from './reset-directory';
import type { ResetDependencies } from './reset-dependencies';
import { newSessionToken, sessionIdFor } from './reset-secrets';

export type ResetSessionRow = {
  id: string;
  purpose: string;
  username: string;
  userId: string | null;
  createdAt: Date;
  expiresAt: Date;
  servicesJson: string;
  failures: number;
  completedAt: Date | null;
  endedReason: string | null;
  accountResolvedAt: Date | null;
  hasMfaRegistered: boolean;
  passwordClaimedAt: Date | null;
  otherSessionsRevokedAt: Date | null;
  returnUrl: string | null;
};

export type LoadedResetSession = {
  row: ResetSessionRow;
  purpose: ResetPurpose;
  snapshot: ResetSessionSnapshot;
  status: ResetSessionStatus;
  score: StarScore;
};

const servicesSchema = z.array(z.string()).catch([]);

export function verifiedServicesOf(row: Pick<ResetSessionRow, 'servicesJson'>): IdentityServiceId[] {
  let raw: unknown = [];
  try {
    raw = JSON.parse(row.servicesJson);
  } catch {
    raw = [];
  }
  return servicesSchema.parse(raw).filter(isIdentityServiceId);
}

export function describeSession(
  deps: Pick<ResetDependencies, 'settings' | 'now'>,
  row: ResetSessionRow,
): LoadedResetSession {
  const purpose: ResetPurpose = row.purpose === 'unlock' ? 'unlock' : 'reset';
  const snapshot: ResetSessionSnapshot = {
    expiresAt: row.expiresAt,
    failures: row.failures,
    verified: verifiedServicesOf(row),
    completedAt: row.completedAt,
    endedReason: row.endedReason,
  };
  const status = resetSessionStatus(snapshot, deps.now(), deps.settings.sessionLimits);
  const score = scoreVerifications({
    purpose,
    verified: snapshot.verified,
    policy: deps.settings.starPolicy,
    hasMfaRegistered: row.hasMfaRegistered,
  });
  return { row, purpose, snapshot, status, score };
}

/** The session behind the cookie's token, or UNAUTHORIZED (the pages send the user back to the start). */
export async function loadResetSession(
  deps: Pick<ResetDependencies, 'db' | 'settings' | 'now'>,
  token: string | undefined,
): Promise<LoadedResetSession> {
  if (!token || token.length > 100) throw new AppError('UNAUTHORIZED', 'No reset in progress. Start again.');
  const row = await deps.db.resetSession.findUnique({ where: { id: sessionIdFor(deps.settings.secret, token) } });
  if (!row) throw new AppError('UNAUTHORIZED', 'No reset in progress. Start again.');
  return describeSession(deps, row);
}

export async function loadActiveResetSession(
  deps: Pick<ResetDependencies, 'db' | 'settings' | 'now'>,
  token: string | undefined,
): Promise<LoadedResetSession> {
  const session = await loadResetSession(deps, token);
  assertResetSessionActive(session.snapshot, deps.now(), deps.settings.sessionLimits);
  return session;
}

/** Graph lookup of the username; runs off the request path (start) and again on demand when unfinished. */
export async function resolveAccount(
  deps: Pick<ResetDependencies, 'db' | 'directory' | 'now'>,
  sessionId: string,
  username: string,
): Promise<{ userId: string | null; hasMfaRegistered: boolean }> {
  const user = await deps.directory.findUser(username);
  const hasMfaRegistered = user ? hasMfaMethod(await deps.directory.listMethods(user.id)) : false;
  await deps.db.resetSession.updateMany({
    where: { id: sessionId, accountResolvedAt: null },
    data: { userId: user?.id ?? null, hasMfaRegistered, accountResolvedAt: deps.now() },
  });
  return { userId: user?.id ?? null, hasMfaRegistered };
}

export async function ensureAccountResolved(
  deps: Pick<ResetDependencies, 'db' | 'directory' | 'now' | 'settings'>,
  session: LoadedResetSession,
): Promise<LoadedResetSession> {
  if (session.row.accountResolvedAt) return session;
  await resolveAccount(deps, session.row.id, session.row.username);
  const row = await deps.db.resetSession.findUniqueOrThrow({ where: { id: session.row.id } });
  return describeSession(deps, row);
}

/** How often a compare-and-set is retried before the request gives up (only under heavy contention). */
const maxAttempts = 10;

function tooManyUpdates(): AppError {
  return new AppError('CONFLICT', 'Too many simultaneous updates to this reset. Try again.');
}

/**
 * A new bearer token for the session after each successful verification step and after the password change
 * or unlock (ASVS5 7.2.4: new session id after each authentication step). The row's id is the token's keyed
 * hash, so re-keying the row (its challenges follow: ON UPDATE CASCADE) makes the old token stop working at
 * once: a token seen before a check (a shared computer, a leaked log) never reaches the new-password page.
 */
export async function renewResetSessionToken(
  deps: Pick<ResetDependencies, 'db' | 'settings'>,
  token: string | undefined,
): Promise<string> {
  if (!token || token.length > 100) throw new AppError('UNAUTHORIZED', 'No reset in progress. Start again.');
  const renewed = newSessionToken();
  const [previousId, renewedId] = [
    sessionIdFor(deps.settings.secret, token),
    sessionIdFor(deps.settings.secret, renewed),
  ];
  await deps.db.$transaction(async (tx) => {
    const { count } = await tx.resetSession.updateMany({ where: { id: previousId }, data: { id: renewedId } });
    // Another request renewed it first (a double submit): this one's token is already the old one.
    if (count !== 1) throw new AppError('UNAUTHORIZED', 'No reset in progress. Start again.');
    // Directory-write intents name the session without a foreign key: they follow it too.
    await tx.directoryWriteIntent.updateMany({
      where: { resetSessionId: previousId },
      data: { resetSessionId: renewedId },
    });
  });
  return renewed;
}

/** Adds a verified service (withServiceVerified), so two services verified at once both count. */
export async function recordServiceVerified(
  deps: Pick<ResetDependencies, 'db' | 'settings' | 'now'>,
  sessionId: string,
  service: IdentityServiceId,
): Promise<LoadedResetSession> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const row = await deps.db.resetSession.findUnique({ where: { id: sessionId } });
    // Renewed by a concurrent request of the same browser after this one loaded it (renewResetSessionToken).
    if (!row) throw new AppError('UNAUTHORIZED', 'No reset in progress. Start again.');
    const session = describeSession(deps, row);
    const next = withServiceVerified(session.snapshot, service, deps.now(), deps.settings.sessionLimits);
    if (next === session.snapshot) return session;
    const servicesJson = JSON.stringify(next.verified);
    const { count } = await deps.db.resetSession.updateMany({
      where: { id: sessionId, servicesJson: row.servicesJson, completedAt: null },
      data: { servicesJson },
    });
    if (count === 1) return describeSession(deps, { ...row, servicesJson });
  }
  throw tooManyUpdates();
}

/** Counts a failed verification (withFailure); the session ends when the limit is reached. */
export async function recordSessionFailure(
  deps: Pick<ResetDependencies, 'db' | 'settings' | 'now'>,
  sessionId: string,
): Promise<void> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const row = await deps.db.resetSession.findUniqueOrThrow({ where: { id: sessionId } });
    const session = describeSession(deps, row);
    // A session that has already ended has nothing left to protect: the failure is not counted.
    if (session.status !== 'active') return;
    const next = withFailure(session.snapshot, deps.now(), deps.settings.sessionLimits);
    const { count } = await deps.db.resetSession.updateMany({
      where: { id: sessionId, failures: row.failures, endedReason: row.endedReason },
      data: { failures: next.failures, endedReason: next.endedReason },
    });
    if (count === 1) return;
  }
  throw tooManyUpdates();
}

/** Records the end of a successful reset or unlock (withCompletion), once. */
export async function recordSessionCompleted(
  deps: Pick<ResetDependencies, 'db' | 'now'>,
  session: LoadedResetSession,
): Promise<void> {
  const next = withCompletion(session.snapshot, deps.now());
  await deps.db.resetSession.updateMany({
    where: { id: session.row.id, completedAt: null },
    data: { completedAt: next.completedAt, endedReason: next.endedReason },
  });
}
