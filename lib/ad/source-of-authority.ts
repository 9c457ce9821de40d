// Where a user's password lives: Entra for cloud-only users, on-premises AD for synced ones. Graph says
// which is which (`onPremisesSyncEnabled` and the other onPremises* properties of the user resource,
// learn.microsoft.com/graph/api/resources/user); a synced user is matched in AD by objectSid
// (`onPremisesSecurityIdentifier`), never by a name that another object could carry.
import { isSecurityIdentifier } from './security-identifier';

/** The onPremises* properties Graph returns for a synced user (null for cloud-only users). */
export type OnPremisesIdentity = {
  securityIdentifier: string | null;
  samAccountName: string | null;
  domainName: string | null;
  distinguishedName: string | null;
};

/**
 * Why a synced user cannot be served: no objectSid in Graph, a domain Verity has no connection for, or no
 * AD object with that SID. Shown only in the audit log and the readiness report (enumeration-safe).
 */
export type OnPremisesGap = 'adIdentityMissing' | 'adDomainNotConnected' | 'adAccountNotFound';

export type SourceOfAuthority =
  | { kind: 'entra' }
  | { kind: 'activeDirectory'; securityIdentifier: string; domainName: string }
  | { kind: 'unserved'; gap: OnPremisesGap };

/** Decides from Graph's answer alone; the AD lookup (adAccountNotFound) comes after. */
export function sourceOfAuthority(
  identity: OnPremisesIdentity | null | undefined,
  connectedDomains: readonly string[],
): SourceOfAuthority {
  if (!identity) return { kind: 'entra' };
  const sid = identity.securityIdentifier;
  if (!sid || !isSecurityIdentifier(sid)) return { kind: 'unserved', gap: 'adIdentityMissing' };
  const domainName = identity.domainName?.toLowerCase() ?? null;
  if (!domainName || !connectedDomains.includes(domainName)) return { kind: 'unserved', gap: 'adDomainNotConnected' };
  return { kind: 'activeDirectory', securityIdentifier: sid, domainName };
}
