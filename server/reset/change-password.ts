// The end of a reset: the new password is checked with the same rules the page showed, then written to
// the user's source of authority: Entra through Graph (PATCH /users/{id} passwordProfile; user-update) for
// cloud-only users, on-premises AD by objectSid for synced ones (server/hybrid/). Exactly one request per verified
// session can write it: a conditional update claims the session first, so 50 simultaneous submissions
// change the password once and produce one audit success. Entra's own refusal (its banned list,
// complexity) releases the claim and is shown to the user. No automatic sign-in follows (FPCS).
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import type { Locale } from '../../lib/i18n/pick-locale';
import { evaluatePassword } from '../../lib/reset/password-policy';
import { SelfServiceWriteError, writeAtSourceOfAuthority } from '../hybrid/self-service-write';
import { auditReset } from './reset-audit';
import type { RequestOrigin, ResetDependencies } from './reset-dependencies';
import { changeNotice, type PasswordSync } from './reset-notifications';
import {
  ensureAccountResolved,
  loadActiveResetSession,
  recordSessionCompleted,
  type LoadedResetSession,
} from './reset-session-store';
import { resetSessionReference } from './reset-secrets';

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

export async function passwordContextFor(
  deps: ResetDependencies,
  session: LoadedResetSession,
): Promise<{ userPrincipalName: string; displayName: string }> {
  const user = await deps.directory.getUser(String(session.row.userId));
  return { userPrincipalName: user.userPrincipalName, displayName: user.displayName };
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
  const evaluation = evaluatePassword(deps.settings.passwordPolicy, { password, confirmation }, user);
  if (!evaluation.isAcceptable) {
    throw new AppError('INVALID_INPUT', 'The new password does not meet every rule.', {
      reason: 'passwordRules',
      rules: evaluation.rules.filter((rule) => !rule.passed).map((rule) => rule.id),
    });
  }
  const claimedAt = deps.now();
  const claim = await deps.db.resetSession.updateMany({
    where: { id: session.row.id, passwordClaimedAt: null, completedAt: null, endedReason: null },
    data: { passwordClaimedAt: claimedAt },
  });
  if (claim.count === 0)
    throw new AppError('CONFLICT', 'Your password is already being changed. Wait a moment.', {
      reason: 'alreadyInProgress',
    });
  let passwordSync: PasswordSync | null;
  try {
    passwordSync = await writeAtSourceOfAuthority(deps, user, { kind: 'password', password });
  } catch (error) {
    // Nothing was written: the claim is released so the user can try again (another password, or later).
    await deps.db.resetSession.updateMany({
      where: { id: session.row.id, passwordClaimedAt: claimedAt },
      data: { passwordClaimedAt: null },
    });
    const failure = error instanceof SelfServiceWriteError ? error : null;
    await auditReset(deps, {
      action: 'reset.passwordRejected',
      outcome: failure?.shown.reason === 'selfServiceRefused' ? 'denied' : 'failure',
      subjectId: userId,
      purpose: 'reset',
      sessionId: resetSessionReference(session.row),
      services: session.snapshot.verified,
      reason: failure?.auditReason ?? 'INTERNAL',
      origin: input.origin,
    });
    throw failure?.shown ?? error;
  }
  const now = deps.now();
  await recordSessionCompleted(deps, session);
  await auditReset(deps, {
    action: 'reset.passwordChanged',
    outcome: 'success',
    subjectId: userId,
    purpose: 'reset',
    sessionId: resetSessionReference(session.row),
    services: session.snapshot.verified,
    origin: input.origin,
  });
  notifyUser(deps, user, 'passwordChanged', input.locale, now, passwordSync);
}

export function notifyUser(
  deps: ResetDependencies,
  user: { displayName: string; userPrincipalName: string; alternateEmail: string | null },
  kind: 'passwordChanged' | 'accountUnlocked' | 'otherSessionsRevoked',
  locale: Locale,
  when: Date,
  passwordSync?: PasswordSync | null,
): void {
  deps.inBackground(async () => {
    // The mailbox of record: the alternate email (the user may not reach their work mailbox), else the UPN.
    const to = user.alternateEmail ?? user.userPrincipalName;
    const message = changeNotice(
      locale,
      kind,
      {
        name: user.displayName,
        when: when.toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
        origin: deps.settings.appOrigin,
      },
      passwordSync,
    );
    await deps.sendEmail({ to, subject: message.subject, text: message.text });
  });
}
