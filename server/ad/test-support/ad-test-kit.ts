// Helpers for the AD suite: the portal's settings for the demo DC's service account, an administrator
// connection for arranging accounts; a plain user bind is scripts/ad/demo-domain.ts canBind.
import fs from 'node:fs';
import { domainControllerAt, adminClient, type DomainController } from '../../../scripts/ad/demo-domain';
import { adSecret, type AdSettings } from '../ad-settings';

export function demoController(dir: string): DomainController {
  return domainControllerAt(dir);
}

export function serviceSettings(dc: DomainController, overrides: Partial<AdSettings> = {}): AdSettings {
  return {
    urls: [dc.url],
    baseDn: dc.baseDn,
    bindDn: dc.serviceDn,
    bindPassword: adSecret(fs.readFileSync(dc.servicePasswordFile, 'utf8')),
    ca: fs.readFileSync(dc.caFile, 'utf8'),
    tlsServerName: undefined,
    domainName: 'corp.contoso.test',
    connectTimeoutMs: 2_000,
    operationTimeoutMs: 5_000,
    totalTimeoutMs: 8_000,
    protectedGroups: ['DOMAIN-512', 'DOMAIN-519', 'S-1-5-32-544'],
    selfServiceRefused: ['disabled', 'expired', 'protected'],
    passwordSync: 'passThrough',
    ...overrides,
  };
}

export { adminClient };

/** A fresh user in the synced OU (unique name per test), with `password`; returns its UPN, DN and SID. */
export async function createSyncedUser(
  dc: DomainController,
  name: string,
  password: string,
  groups: string[] = [],
): Promise<{ upn: string; dn: string; sid: string }> {
  const { Attribute, Change } = await import('ldapts');
  const client = await adminClient(dc);
  const sam = `${name}-${Math.random().toString(36).slice(2, 8)}`.slice(0, 20);
  const dn = `CN=${sam},${dc.domain.userOu},${dc.baseDn}`;
  const upn = `${sam}@contoso.test`;
  try {
    await client.add(dn, {
      objectClass: ['top', 'person', 'organizationalPerson', 'user'],
      sAMAccountName: sam,
      userPrincipalName: upn,
      displayName: `Test ${name}`,
    });
    await client.modify(dn, [
      new Change({
        operation: 'replace',
        modification: new Attribute({ type: 'unicodePwd', values: [Buffer.from(`"${password}"`, 'utf16le')] }),
      }),
      new Change({
        operation: 'replace',
        modification: new Attribute({ type: 'userAccountControl', values: ['512'] }),
      }),
    ]);
    for (const group of groups)
      await client.modify(`CN=${group},${dc.domain.userOu},${dc.baseDn}`, [
        new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [dn] }) }),
      ]);
    const result = await client.search(dn, {
      scope: 'base',
      attributes: ['objectSid'],
      explicitBufferAttributes: ['objectSid'],
    });
    const { securityIdentifierString } = await import('../../../lib/ad/security-identifier');
    const raw = result.searchEntries[0]?.objectSid;
    return { upn, dn, sid: securityIdentifierString(Buffer.isBuffer(raw) ? raw : Buffer.alloc(0)) };
  } finally {
    await client.unbind();
  }
}

export async function sidOf(dc: DomainController, upn: string): Promise<string> {
  const client = await adminClient(dc);
  try {
    const { escapeFilter } = await import('ldapts');
    const { securityIdentifierString } = await import('../../../lib/ad/security-identifier');
    const result = await client.search(dc.baseDn, {
      filter: escapeFilter`(userPrincipalName=${upn})`,
      attributes: ['objectSid'],
      explicitBufferAttributes: ['objectSid'],
    });
    const raw = result.searchEntries[0]?.objectSid;
    return securityIdentifierString(Buffer.isBuffer(raw) ? raw : Buffer.alloc(0));
  } finally {
    await client.unbind();
  }
}
