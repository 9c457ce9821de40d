// Where the AD end-to-end run's domain controller lives (scripts/ad/e2e-dc.ts provisions it there), its
// AD_* settings for the portal and the mock, and what the specs do to it directly: real binds as a user
// (wrong passwords lock the account, the right one proves a reset) and an administrator's read.
import path from 'node:path';
import { adEnvironment, adminClient, canBind as bindAs, domainControllerAt } from '../../scripts/ad/demo-domain';
import { ports } from '../fixtures/ports';

export const adDcDir = path.resolve(`data/ad-e2e-${ports.portal}`);

/** The AD_* settings of the demo DC (its files exist once scripts/ad/e2e-dc.ts has provisioned it). */
export function adE2eEnvironment(): Record<string, string> {
  return {
    AD_URL: 'ldaps://127.0.0.1:636',
    AD_BASE_DN: 'DC=corp,DC=contoso,DC=test',
    AD_BIND_DN: 'CN=svc-verity,OU=Service Accounts,DC=corp,DC=contoso,DC=test',
    AD_BIND_PASSWORD_FILE: path.join(adDcDir, 'service-account.password'),
    AD_CA_FILE: path.join(adDcDir, 'tls/ca.pem'),
  };
}

function controller() {
  const dc = domainControllerAt(adDcDir);
  // The fixed settings above must be the ones the demo domain really has.
  const actual = adEnvironment(dc);
  for (const [key, value] of Object.entries(adE2eEnvironment()))
    if (actual[key] !== value) throw new Error(`${key}: expected ${value}, the demo domain has ${actual[key]}`);
  return dc;
}

/** A simple bind as `upn` to the e2e DC: true when AD accepts the password (scripts/ad/demo-domain.ts). */
export const canBind = (upn: string, password: string): Promise<boolean> => bindAs(controller(), upn, password);

/** Wrong passwords by real binds until AD locks the account (the domain policy's threshold, 5). */
export async function lockOutInAd(upn: string): Promise<void> {
  const threshold = controller().domain.domainPolicy.lockoutThreshold;
  for (let i = 0; i < threshold; i++) await canBind(upn, `Wrong-${i}-Password!`);
}

/** AD's own record of the account's lockout, read as the domain administrator. */
export async function lockoutOf(upn: string): Promise<{ lockoutTime: string; badPwdCount: string }> {
  const dc = controller();
  const client = await adminClient(dc);
  try {
    const { searchEntries } = await client.search(dc.baseDn, {
      filter: `(userPrincipalName=${upn})`,
      attributes: ['lockoutTime', 'badPwdCount'],
    });
    const entry = searchEntries[0];
    return { lockoutTime: String(entry?.lockoutTime ?? '0'), badPwdCount: String(entry?.badPwdCount ?? '0') };
  } finally {
    await client.unbind();
  }
}
