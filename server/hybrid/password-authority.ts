import 'server-only';
// Routing by source of authority: for a synced user every password write, unlock and account-state read
// goes to the AD that holds the account, found by objectSid; cloud-only users keep the Graph path. One
// describe (account, effective policy, lockout, refusals) per decision, so the page, the write and the
// desk all apply the same facts.
import { sourceOfAuthority, type OnPremisesGap, type OnPremisesIdentity } from '@/lib/ad/source-of-authority';
import type { AdSelfServiceRefusal } from '@/lib/ad/ad-account-state';
import type { AdAccountReport, AdDirectory } from '../ad/ad-directory';
import type { OnPremisesDirectories } from './on-premises-directories';

export type PasswordAuthority =
  | { kind: 'entra' }
  | { kind: 'activeDirectory'; directory: AdDirectory; securityIdentifier: string; report: AdAccountReport }
  | { kind: 'unserved'; gap: OnPremisesGap };

/** Where this user's password lives; AD's own outage (503 adUnavailable) propagates. */
export async function resolvePasswordAuthority(
  user: { onPremises?: OnPremisesIdentity | null },
  directories: OnPremisesDirectories,
  now: Date,
): Promise<PasswordAuthority> {
  const source = sourceOfAuthority(user.onPremises, directories.domainNames);
  if (source.kind !== 'activeDirectory') return source;
  const directory = directories.forDomain(source.domainName);
  if (!directory) return { kind: 'unserved', gap: 'adDomainNotConnected' };
  const report = await directory.describe(source.securityIdentifier, now);
  if (!report) return { kind: 'unserved', gap: 'adAccountNotFound' };
  return { kind: 'activeDirectory', directory, securityIdentifier: source.securityIdentifier, report };
}

export type SelfServiceRefusal = OnPremisesGap | 'adDisabled' | 'adExpired' | 'adProtected';

const refusalReasons: Record<AdSelfServiceRefusal, SelfServiceRefusal> = {
  disabled: 'adDisabled',
  expired: 'adExpired',
  protected: 'adProtected',
};

/**
 * Why this user may not reset or unlock by self-service (null: they may): an unserved synced account, or
 * an AD state listed in AD_SELF_SERVICE_REFUSED (disabled, expired, protected). The desk handles them.
 */
export function selfServiceRefusalOf(authority: PasswordAuthority): SelfServiceRefusal | null {
  if (authority.kind === 'unserved') return authority.gap;
  if (authority.kind === 'activeDirectory') {
    const refusal = authority.report.refusals[0];
    if (refusal) return refusalReasons[refusal];
  }
  return null;
}
