// What an AD account's attributes say about self-service: disabled (userAccountControl ACCOUNTDISABLE,
// 0x2), expired (accountExpires in the past), locked (lockoutTime set and within lockoutDuration, or
// until an administrator unlocks when the duration is "forever"), protected (adminCount=1 or a member of
// an AdminSDHolder-protected group). References: MS-ADTS 2.2.16 userAccountControl; "AdminSDHolder,
// protected groups" (learn.microsoft.com/windows-server/identity/ad-ds/plan/security-best-practices/
// appendix-c--protected-accounts-and-groups-in-active-directory).
export const accountDisabledFlag = 0x2;

export type AdAccount = {
  distinguishedName: string;
  securityIdentifier: string;
  samAccountName: string;
  userPrincipalName: string | null;
  displayName: string;
  userAccountControl: number;
  expiresAt: Date | null;
  lockedSince: Date | null;
  badPasswordCount: number;
  passwordLastSet: Date | null;
  /** adminCount=1 (set by SDProp on members of protected groups). */
  hasAdminCount: boolean;
  /** SIDs of every group the account is in, transitively (constructed `tokenGroups`). */
  groupSecurityIdentifiers: string[];
  /** DN of the fine-grained password policy that applies (`msDS-ResultantPSO`), if any. */
  resultantPasswordSettings: string | null;
};

export type AdSelfServiceRefusal = 'disabled' | 'expired' | 'protected';

export type AdLockoutState = {
  isLocked: boolean;
  lockedSince: Date | null;
  badPasswordCount: number;
  /** null: until an administrator unlocks. */
  lockoutDurationMinutes: number | null;
  /** When AD lets the user in again by itself (null: never by itself, or not locked). */
  unlocksAt: Date | null;
};

/**
 * The well-known protected groups, as SIDs; "DOMAIN-" stands for the account's own domain SID. Domain
 * Admins 512, Enterprise Admins 519, Schema Admins 518, Domain Controllers 516, Read-only Domain
 * Controllers 521, Key Admins 526, Enterprise Key Admins 527; builtin Administrators 544, Account
 * Operators 548, Server Operators 549, Print Operators 550, Backup Operators 551, Replicator 552.
 */
export const defaultProtectedGroups = [
  'DOMAIN-512',
  'DOMAIN-516',
  'DOMAIN-518',
  'DOMAIN-519',
  'DOMAIN-521',
  'DOMAIN-526',
  'DOMAIN-527',
  'S-1-5-32-544',
  'S-1-5-32-548',
  'S-1-5-32-549',
  'S-1-5-32-550',
  'S-1-5-32-551',
  'S-1-5-32-552',
] as const;

export function isProtectedAccount(account: AdAccount, protectedGroups: readonly string[], domainSid: string): boolean {
  if (account.hasAdminCount) return true;
  // The built-in Administrator account (RID 500) is protected whatever its groups.
  if (account.securityIdentifier === `${domainSid}-500`) return true;
  const resolved = new Set(protectedGroups.map((sid) => sid.replace(/^DOMAIN-/, `${domainSid}-`)));
  return account.groupSecurityIdentifiers.some((sid) => resolved.has(sid));
}

/** The reasons, in order, why this account may not reset or unlock itself. */
export function selfServiceRefusals(
  account: AdAccount,
  options: { protectedGroups: readonly string[]; domainSid: string; now: Date },
): AdSelfServiceRefusal[] {
  const refusals: AdSelfServiceRefusal[] = [];
  if ((account.userAccountControl & accountDisabledFlag) !== 0) refusals.push('disabled');
  if (account.expiresAt && account.expiresAt.getTime() <= options.now.getTime()) refusals.push('expired');
  if (isProtectedAccount(account, options.protectedGroups, options.domainSid)) refusals.push('protected');
  return refusals;
}

/** Lockout as AD evaluates it: lockoutTime plus the effective lockout duration (MS-ADTS 3.1.1.4.5.19). */
export function lockoutStateOf(
  account: Pick<AdAccount, 'lockedSince' | 'badPasswordCount'>,
  lockoutDurationMinutes: number | null,
  now: Date,
): AdLockoutState {
  const since = account.lockedSince;
  const unlocksAt =
    since && lockoutDurationMinutes !== null ? new Date(since.getTime() + lockoutDurationMinutes * 60_000) : null;
  const isLocked = since !== null && (unlocksAt === null || unlocksAt.getTime() > now.getTime());
  return {
    isLocked,
    lockedSince: isLocked ? since : null,
    badPasswordCount: account.badPasswordCount,
    lockoutDurationMinutes,
    unlocksAt: isLocked ? unlocksAt : null,
  };
}
