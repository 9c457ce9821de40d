import 'server-only';
// The desk for synced users: unlock and "require a password change at next sign-in" go to AD by objectSid
// (lockoutTime=0, pwdLastSet=0; Graph cannot write either for them), an AD-protected account (adminCount,
// AdminSDHolder groups) is a privileged target (two methods + supervisor approval), and the user card
// shows AD's lockout. The agent may read the precise reason a synced user cannot be served: they are
// authenticated staff, not an anonymous requester.
import { AppError } from '@/lib/app-error';
import type { AdLockoutState } from '@/lib/ad/ad-account-state';
import type { OnPremisesGap, OnPremisesIdentity } from '@/lib/ad/source-of-authority';
import type { TargetPrivilege } from '@/lib/desk/target-privilege';
import { isAppError } from '@/lib/app-error';
import type { OnPremisesDirectories } from './on-premises-directories';
import { resolvePasswordAuthority, type PasswordAuthority } from './password-authority';

/** What the desk card shows about a user's on-premises account. */
export type DeskOnPremisesView =
  | { source: 'entra' }
  | {
      source: 'activeDirectory';
      domainName: string;
      lockout: { isLocked: boolean; lockedSince: string | null; badPasswordCount: number; unlocksAt: string | null };
      lockoutDurationMinutes: number | null;
      policyName: string;
      /** The domain's policy or a fine-grained one (msDS-ResultantPSO): the card names them differently. */
      policySource: 'domain' | 'fineGrained';
      refusals: string[];
      isProtected: boolean;
    }
  | { source: 'unserved'; gap: OnPremisesGap }
  | { source: 'unavailable' };

type User = { id: string; onPremises?: OnPremisesIdentity | null };

/** The authority, or 'unavailable' when the DC does not answer (the card still opens). */
export async function deskAuthorityOf(
  directories: OnPremisesDirectories,
  user: User,
  now: Date,
): Promise<PasswordAuthority | { kind: 'unavailable' }> {
  try {
    return await resolvePasswordAuthority(user, directories, now);
  } catch (error) {
    if (isAppError(error) && error.code === 'UNAVAILABLE') return { kind: 'unavailable' };
    throw error;
  }
}

function isoOf(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

function lockoutView(lockout: AdLockoutState) {
  return {
    isLocked: lockout.isLocked,
    lockedSince: isoOf(lockout.lockedSince),
    badPasswordCount: lockout.badPasswordCount,
    unlocksAt: isoOf(lockout.unlocksAt),
  };
}

export function deskOnPremisesView(authority: PasswordAuthority | { kind: 'unavailable' }): DeskOnPremisesView {
  switch (authority.kind) {
    case 'entra':
      return { source: 'entra' };
    case 'unavailable':
      return { source: 'unavailable' };
    case 'unserved':
      return { source: 'unserved', gap: authority.gap };
    case 'activeDirectory':
      return {
        source: 'activeDirectory',
        domainName: authority.directory.domainName,
        lockout: lockoutView(authority.report.lockout),
        lockoutDurationMinutes: authority.report.policy.lockoutDurationMinutes,
        policyName: authority.report.policy.name,
        policySource: authority.report.policy.source,
        refusals: authority.report.refusals,
        isProtected: authority.report.isProtected,
      };
  }
}

/** The on-premises account as the desk card, the readiness report and /account show it. */
export async function onPremisesAccountView(
  directories: OnPremisesDirectories,
  user: User,
  now: Date,
): Promise<DeskOnPremisesView> {
  return deskOnPremisesView(await deskAuthorityOf(directories, user, now));
}

/** Entra's privilege, plus AD's protected accounts (AdminSDHolder) as privileged targets. */
export function withOnPremisesPrivilege(
  privilege: TargetPrivilege,
  authority: PasswordAuthority | { kind: 'unavailable' },
): TargetPrivilege {
  if (authority.kind !== 'activeDirectory' || !authority.report.isProtected) return privilege;
  return {
    ...privilege,
    isPrivileged: true,
    privilegedGroups: [...privilege.privilegedGroups, 'Active Directory protected account (AdminSDHolder)'],
  };
}

/**
 * Runs a lockout or password-flag action where the user's password lives: `entra` for cloud-only users,
 * AD by objectSid for synced ones; a synced user Verity cannot reach in AD is refused with the reason.
 */
export async function atSourceOfAuthority<T>(
  directories: OnPremisesDirectories,
  user: User,
  now: Date,
  actions: { entra: () => Promise<T>; activeDirectory: (authority: ActiveDirectoryAuthority) => Promise<T> },
): Promise<T> {
  const authority = await resolvePasswordAuthority(user, directories, now);
  if (authority.kind === 'entra') return actions.entra();
  if (authority.kind === 'unserved')
    throw new AppError('CONFLICT', 'This synced account cannot be reached in Active Directory.', {
      reason: authority.gap,
    });
  return actions.activeDirectory(authority);
}

export type ActiveDirectoryAuthority = Extract<PasswordAuthority, { kind: 'activeDirectory' }>;
