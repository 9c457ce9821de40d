import 'server-only';
// The end of a reset: the new password is checked with the same rules the page showed, then written to
// the user's source of authority: Entra through Graph (PATCH /users/{id} passwordProfile; user-update) for
// cloud-only users, on-premises AD by objectSid for synced ones (server/hybrid/). Exactly one request per verified
// session can write it: a conditional update claims the session first, so 50 simultaneous submissions
// change the password once and produce one audit success. Entra's own refusal (its banned list,
// complexity) releases the claim and is shown to the user. A lost answer (Graph timed out) or a crash is
// reconciled against the directory (server/reset/directory-write-intent.ts), never reported as a failure.
// No automatic sign-in follows (FPCS).
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import type { Locale } from '../../lib/i18n/pick-locale';
import { evaluatePassword } from '../../lib/reset/password-policy';
import { loadBreachedPasswordCorpus } from './breached-password-corpus';
import { SelfServiceWriteError, writeAtSourceOfAuthority } from '../hybrid/self-service-write';
import type { DirectoryWriteIntent } from '../../generated/prisma/sqlite/client';
import {
  claimWithIntent,
  completeWrite,
  reconcileIntent,
  reconcileSessionWrite,
  releaseWrite,
} from './directory-write-intent';
import type { RequestOrigin, ResetDependencies } from './reset-dependencies';
import type { PasswordSync } from './reset-notifications';
import { ensureAccountResolved, loadActiveResetSession, type LoadedResetSession } from './reset-session-store';

// Long enough for Entra's 256 characters; anything longer is refused before any rule runs.
export const newPasswordSchema = z.object({
  password: z.string().max(1024, 'That password is too long.'),
  confirmation: z.string().max(1024, 'That password is too long.'),
});

export async function requireVerifiedSession(
  deps: ResetDependencies,
  token: string | undefined,
  purpose: 'reset' | 'unlock',
): Promise<LoadedResetSession> {
  const loaded = await loadActiveResetSession(deps, token);
  if (loaded.purpose !== purpose)
    throw new AppError('FORBIDDEN', 'This session was started for another purpose. Start again.');
  if (!loaded.score.isEnough)
    throw new AppError('FORBIDDEN', 'Verify your identity with enough services first.', { reason: 'notEnoughStars' });
  const session = await ensureAccountResolved(deps, loaded);
  // Unreachable for unknown accounts (nothing can be verified), kept as a guard.
  if (!session.row.userId)
    throw new AppError('FORBIDDEN', 'Verify your identity with enough services first.', { reason: 'notEnoughStars' });
  return session;
}

export async function changePassword(
  deps: ResetDependencies,
  input: { token: string | undefined; password: string; confirmation: string; locale: Locale; origin: RequestOrigin },
): Promise<void> {
  const { password, confirmation } = newPasswordSchema.parse({
    password: input.password,
    confirmation: input.confirmation,
  });
  const session = await requireVerifiedSession(deps, input.token, 'reset');
  const userId = String(session.row.userId);
  const user = await deps.directory.getUser(userId);
  const evaluation = evaluatePassword(
    deps.settings.passwordPolicy,
    { password, confirmation },
    user,
    await loadBreachedPasswordCorpus(),
  );
  if (!evaluation.isAcceptable) {
    throw new AppError('INVALID_INPUT', 'The new password does not meet every rule.', {
      reason: 'passwordRules',
      rules: evaluation.rules.filter((rule) => !rule.passed).map((rule) => rule.id),
    });
  }
  await settleEarlierWrite(deps, session);
  const intent = await claimWithIntent(deps, {
    sessionId: session.row.id,
    kind: 'password',
    userId,
    locale: input.locale,
    origin: input.origin,
  });
  if (!intent)
    throw new AppError('CONFLICT', 'Your password is already being changed. Wait a moment.', {
      reason: 'alreadyInProgress',
    });
  let passwordSync: PasswordSync | null;
  try {
    passwordSync = await writeAtSourceOfAuthority(deps, user, { kind: 'password', password });
  } catch (error) {
    await settleFailedWrite(deps, intent, error);
    return;
  }
  await completeWrite(deps, intent, passwordSync);
}

/** "We are confirming your change": the write's answer was lost; the confirming page polls until it settles. */
export function confirmingChange(): AppError {
  return new AppError('CONFLICT', 'We are confirming your change with Microsoft Entra ID. This takes a moment.', {
    reason: 'confirmingChange',
  });
}

/**
 * A claim still held by an earlier request (its answer lost, or its process gone) is reconciled first: a
 * write that landed completes the session (this request is then refused as completed); one still unknown
 * sends the user to the confirming page; one that did not land frees the claim for this request.
 */
export async function settleEarlierWrite(deps: ResetDependencies, session: LoadedResetSession): Promise<void> {
  if (!session.row.passwordClaimedAt) return;
  const settlement = await reconcileSessionWrite(deps, session.row.id);
  if (settlement === 'applied')
    throw new AppError('CONFLICT', 'This session is already complete.', { reason: 'completed' });
  if (settlement === 'pending') throw confirmingChange();
}

/**
 * After a failed write: an unknown outcome is reconciled at once (Graph may already show the change) and
 * otherwise left to the confirming page; a refusal releases the claim, is audited and shown.
 */
export async function settleFailedWrite(
  deps: ResetDependencies,
  intent: DirectoryWriteIntent,
  error: unknown,
): Promise<void> {
  const failure = error instanceof SelfServiceWriteError ? error : null;
  if (failure?.isOutcomeUnknown) {
    if ((await reconcileIntent(deps, intent)) === 'applied') return;
    throw confirmingChange();
  }
  // Nothing was written: the claim is released so the user can try again (another password, or later).
  await releaseWrite(deps, intent, {
    outcome: failure?.shown.reason === 'selfServiceRefused' ? 'denied' : 'failure',
    reason: failure?.auditReason ?? 'INTERNAL',
  });
  throw failure?.shown ?? error;
}
