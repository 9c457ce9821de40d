import 'server-only';
// Reading one AD user object and its effective password policy over a bound connection. Values that
// reach a filter are escaped (RFC 4515: binary SIDs byte by byte, strings with ldapts' escapeFilter),
// so no user input can change a filter's meaning.
import { AndFilter, type Client, type Entry, EqualityFilter, escapeFilter, type Filter } from 'ldapts';
import { fileTimeToDate, intervalToMinutes } from '@/lib/ad/ad-time';
import type { AdAccount } from '@/lib/ad/ad-account-state';
import { domainPasswordComplex, type AdPasswordPolicy } from '@/lib/ad/ad-password-policy';
import { securityIdentifierBytes, securityIdentifierString } from '@/lib/ad/security-identifier';

const accountAttributes = [
  'objectSid',
  'sAMAccountName',
  'userPrincipalName',
  'displayName',
  'userAccountControl',
  'accountExpires',
  'lockoutTime',
  'badPwdCount',
  'pwdLastSet',
  'adminCount',
];
const binaryAttributes = ['objectSid', 'tokenGroups'];

function text(entry: Entry, name: string): string | undefined {
  const value = entry[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  return Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
}

function buffers(entry: Entry, name: string): Buffer[] {
  const value = entry[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((item): item is Buffer => Buffer.isBuffer(item));
}

export type DomainInfo = { namingContext: string; securityIdentifier: string; dnsName: string };

export async function readDomainInfo(client: Client): Promise<DomainInfo & { entry: Entry }> {
  const root = await client.search('', { scope: 'base', attributes: ['defaultNamingContext', 'dnsHostName'] });
  const namingContext = text(root.searchEntries[0] ?? { dn: '' }, 'defaultNamingContext') ?? '';
  const domain = await client.search(namingContext, {
    scope: 'base',
    attributes: [
      'objectSid',
      'minPwdLength',
      'pwdProperties',
      'pwdHistoryLength',
      'minPwdAge',
      'lockoutThreshold',
      'lockoutDuration',
    ],
    explicitBufferAttributes: ['objectSid'],
  });
  const entry = domain.searchEntries[0] ?? { dn: namingContext };
  const sid = buffers(entry, 'objectSid')[0];
  return {
    namingContext,
    securityIdentifier: sid ? securityIdentifierString(sid) : '',
    dnsName: namingContext
      .split(',')
      .filter((part) => /^dc=/i.test(part.trim()))
      .map((part) => part.trim().slice(3).toLowerCase())
      .join('.'),
    entry,
  };
}

function accountOf(entry: Entry, groups: Buffer[], pso: string | undefined): AdAccount {
  const sid = buffers(entry, 'objectSid')[0];
  return {
    distinguishedName: entry.dn,
    securityIdentifier: sid ? securityIdentifierString(sid) : '',
    samAccountName: text(entry, 'sAMAccountName') ?? '',
    userPrincipalName: text(entry, 'userPrincipalName') ?? null,
    displayName: text(entry, 'displayName') ?? text(entry, 'sAMAccountName') ?? '',
    userAccountControl: Number(text(entry, 'userAccountControl') ?? 0),
    expiresAt: fileTimeToDate(text(entry, 'accountExpires')),
    lockedSince: fileTimeToDate(text(entry, 'lockoutTime')),
    badPasswordCount: Number(text(entry, 'badPwdCount') ?? 0),
    passwordLastSet: fileTimeToDate(text(entry, 'pwdLastSet')),
    hasAdminCount: text(entry, 'adminCount') === '1',
    groupSecurityIdentifiers: groups.map((group) => securityIdentifierString(group)),
    resultantPasswordSettings: pso ?? null,
  };
}

async function completeAccount(client: Client, entry: Entry): Promise<AdAccount> {
  // tokenGroups and msDS-ResultantPSO are constructed attributes: AD returns them on base searches only.
  const detail = await client.search(entry.dn, {
    scope: 'base',
    attributes: ['tokenGroups', 'msDS-ResultantPSO'],
    explicitBufferAttributes: ['tokenGroups'],
  });
  const detailEntry = detail.searchEntries[0] ?? { dn: entry.dn };
  return accountOf(entry, buffers(detailEntry, 'tokenGroups'), text(detailEntry, 'msDS-ResultantPSO'));
}

async function findOne(client: Client, baseDn: string, filter: Filter | string): Promise<AdAccount | null> {
  const result = await client.search(baseDn, {
    scope: 'sub',
    filter,
    attributes: accountAttributes,
    explicitBufferAttributes: binaryAttributes,
    sizeLimit: 2,
  });
  // Exactly one match or nothing: two objects for one identifier is not an account we may touch.
  if (result.searchEntries.length !== 1) return null;
  return completeAccount(client, result.searchEntries[0] as Entry);
}

/** The user object whose objectSid is `sid` (never by name), or null. */
export function findAccountBySid(client: Client, baseDn: string, sid: string): Promise<AdAccount | null> {
  const filter = new AndFilter({
    filters: [
      new EqualityFilter({ attribute: 'objectCategory', value: 'person' }),
      new EqualityFilter({ attribute: 'objectClass', value: 'user' }),
      new EqualityFilter({ attribute: 'objectSid', value: Buffer.from(securityIdentifierBytes(sid)) }),
    ],
  });
  return findOne(client, baseDn, filter);
}

/** The user object whose userPrincipalName is exactly `upn`, or null (used by pass-through sign-in). */
export function findAccountByUserPrincipalName(client: Client, baseDn: string, upn: string): Promise<AdAccount | null> {
  return findOne(client, baseDn, escapeFilter`(&(objectCategory=person)(objectClass=user)(userPrincipalName=${upn}))`);
}

function policyFromDomain(entry: Entry, name: string): AdPasswordPolicy {
  return {
    source: 'domain',
    name,
    minLength: Number(text(entry, 'minPwdLength') ?? 0),
    requiresComplexity: (Number(text(entry, 'pwdProperties') ?? 0) & domainPasswordComplex) !== 0,
    historyLength: Number(text(entry, 'pwdHistoryLength') ?? 0),
    minAgeDays: Math.floor((intervalToMinutes(text(entry, 'minPwdAge')) ?? 0) / 1440),
    lockoutThreshold: Number(text(entry, 'lockoutThreshold') ?? 0),
    lockoutDurationMinutes: lockoutMinutes(text(entry, 'lockoutDuration')),
  };
}

// 0 and "forever" both mean: locked until an administrator unlocks (Account lockout duration).
function lockoutMinutes(value: string | undefined): number | null {
  const minutes = intervalToMinutes(value);
  return minutes === 0 ? null : minutes;
}

/** The account's effective policy: its resultant PSO when one applies, else the domain's. */
export async function readEffectivePolicy(
  client: Client,
  account: AdAccount,
  domain: DomainInfo & { entry: Entry },
): Promise<AdPasswordPolicy> {
  if (account.resultantPasswordSettings) {
    const result = await client.search(account.resultantPasswordSettings, {
      scope: 'base',
      attributes: [
        'cn',
        'msDS-MinimumPasswordLength',
        'msDS-PasswordComplexityEnabled',
        'msDS-PasswordHistoryLength',
        'msDS-MinimumPasswordAge',
        'msDS-LockoutThreshold',
        'msDS-LockoutDuration',
      ],
    });
    const pso = result.searchEntries[0];
    if (pso) {
      return {
        source: 'fineGrained',
        name: text(pso, 'cn') ?? 'Fine-grained password policy',
        minLength: Number(text(pso, 'msDS-MinimumPasswordLength') ?? 0),
        requiresComplexity: text(pso, 'msDS-PasswordComplexityEnabled') === 'TRUE',
        historyLength: Number(text(pso, 'msDS-PasswordHistoryLength') ?? 0),
        minAgeDays: Math.floor((intervalToMinutes(text(pso, 'msDS-MinimumPasswordAge')) ?? 0) / 1440),
        lockoutThreshold: Number(text(pso, 'msDS-LockoutThreshold') ?? 0),
        lockoutDurationMinutes: lockoutMinutes(text(pso, 'msDS-LockoutDuration')),
      };
    }
  }
  return policyFromDomain(domain.entry, domain.dnsName);
}
