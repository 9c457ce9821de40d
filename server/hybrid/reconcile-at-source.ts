import 'server-only';
// Reconciliation of a write whose answer was lost (server/reset/directory-write-intent.ts), asked of the
// user's source of authority: for a synced user AD's pwdLastSet (the DC that took the unicodePwd modify
// knows at once; Graph's lastPasswordChangeDateTime only after the next sync cycle), and an unlock is
// repeated in AD (lockoutTime=0 is idempotent). Cloud-only users keep Graph.
import type { ResetDependencies } from '../reset/reset-dependencies';
import { resolvePasswordAuthority } from './password-authority';

export async function lastPasswordChangeAtSource(
  deps: Pick<ResetDependencies, 'directory' | 'onPremises' | 'now'>,
  userId: string,
): Promise<Date | null> {
  const user = await deps.directory.getUser(userId);
  const authority = await resolvePasswordAuthority(user, deps.onPremises, deps.now());
  if (authority.kind === 'activeDirectory') return authority.report.account.passwordLastSet;
  if (authority.kind === 'unserved') return null;
  return deps.directory.lastPasswordChange(userId);
}

export async function unlockAtSource(
  deps: Pick<ResetDependencies, 'directory' | 'onPremises' | 'now'>,
  userId: string,
): Promise<void> {
  const user = await deps.directory.getUser(userId);
  const authority = await resolvePasswordAuthority(user, deps.onPremises, deps.now());
  if (authority.kind === 'activeDirectory') await authority.directory.unlock(authority.securityIdentifier);
  else if (authority.kind === 'entra') await deps.directory.unlock(userId);
}
