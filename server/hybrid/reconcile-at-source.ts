import 'server-only';
// Reconciliation of a write whose answer was lost (server/reset/directory-write-intent.ts), asked of the
// user's source of authority. For a synced user that is AD: `pwdLastSet` for a password (the DC that took
// the unicodePwd modify knows at once; Graph's lastPasswordChangeDateTime only after the next sync cycle)
// and `lockoutTime` for an unlock (0, or a lockout past its duration: the account is not locked). For a
// cloud-only user, Graph's lastPasswordChangeDateTime; Graph has no readable lockout state, so an Entra
// unlock is repeated instead (it is idempotent).
import type { ResetDependencies } from '../reset/reset-dependencies';
import type { PasswordSync } from '../reset/reset-notifications';
import { resolvePasswordAuthority } from './password-authority';

type SourceDeps = Pick<ResetDependencies, 'directory' | 'onPremises' | 'now'>;

/** When the password last changed at the source, and (for AD) how Microsoft 365 takes it, for the e-mail. */
export async function lastPasswordChangeAtSource(
  deps: SourceDeps,
  userId: string,
): Promise<{ changedAt: Date | null; passwordSync: PasswordSync | null }> {
  const user = await deps.directory.getUser(userId);
  const authority = await resolvePasswordAuthority(user, deps.onPremises, deps.now());
  if (authority.kind === 'activeDirectory')
    return { changedAt: authority.report.account.passwordLastSet, passwordSync: authority.directory.passwordSync };
  if (authority.kind === 'unserved') return { changedAt: null, passwordSync: null };
  return { changedAt: await deps.directory.lastPasswordChange(userId), passwordSync: null };
}

/** Whether the account is locked at the source: known for AD (lockoutTime), not readable from Graph. */
export async function lockoutAtSource(deps: SourceDeps, userId: string): Promise<'locked' | 'unlocked' | 'unknown'> {
  const user = await deps.directory.getUser(userId);
  const authority = await resolvePasswordAuthority(user, deps.onPremises, deps.now());
  if (authority.kind === 'activeDirectory') return authority.report.lockout.isLocked ? 'locked' : 'unlocked';
  return 'unknown';
}

/** Repeats an unlock in Entra (idempotent), for a cloud-only user whose lockout cannot be read. */
export async function unlockInEntra(deps: SourceDeps, userId: string): Promise<void> {
  await deps.directory.unlock(userId);
}
