// The hybrid part of `npm start`: when Samba is installed, the demo domain controller (data/ad-demo,
// provisioned on first use, about 20-80 s) and the AD_* settings that route the synced demo users to it
// (the portal writes their passwords to AD; the mock adds them to its tenant and checks their passwords by
// LDAPS bind, like pass-through authentication). Without Samba, one line says how to add it and `npm start`
// runs cloud-only as before. AD_URL set by the user, or VERITY_HYBRID_DEMO=0, leaves everything to them.
import fs from 'node:fs';
import path from 'node:path';
import {
  adEnvironment,
  domainControllerAt,
  isSambaInstalled,
  populateDemoDomain,
  provisionDemoDomain,
  startDomainController,
  stopDomainController,
} from './demo-domain';

/** A DC started earlier from `dir` whose process group is still alive (a stale pid file is not). */
function isDomainControllerRunning(dir: string): boolean {
  const file = path.join(dir, 'samba.pgid');
  if (!fs.existsSync(file)) return false;
  try {
    process.kill(-Number(fs.readFileSync(file, 'utf8')), 0);
    return true;
  } catch {
    fs.rmSync(file, { force: true });
    return false;
  }
}

export type HybridDemo = { env: Record<string, string>; stop: () => void };

export async function startHybridDemo(
  root: string,
  environment: Record<string, string | undefined>,
  log: (message: string) => void,
): Promise<HybridDemo | null> {
  if (environment.AD_URL || environment.VERITY_HYBRID_DEMO === '0') return null;
  if (!(await isSambaInstalled())) {
    log(
      'hybrid demo (synced users in on-premises AD) not included: apt-get install -y samba-ad-dc samba ldb-tools ldap-utils, then npm start again',
    );
    return null;
  }
  const dir = path.join(root, 'data/ad-demo');
  const isProvisioned = fs.existsSync(path.join(dir, 'etc/smb.conf'));
  const isRunning = isDomainControllerRunning(dir);
  if (!isProvisioned) {
    log(`hybrid demo: provisioning the demo AD domain into ${dir} (first start only, about 20-80 s)…`);
    await provisionDemoDomain(dir);
  }
  if (!isRunning) await startDomainController(dir);
  if (!isProvisioned) await populateDemoDomain(dir);
  const dc = domainControllerAt(dir);
  log(`hybrid demo: AD DC on ${dc.url} (loopback only); synced users such as alan.steiner@contoso.test`);
  return {
    env: {
      ...adEnvironment(dc),
      // The mock checks synced users' passwords against the DC at once: pass-through authentication.
      AD_PASSWORD_SYNC: environment.AD_PASSWORD_SYNC ?? 'passThrough',
      MOCK_IDP_SYNCED_USERS_FILE: path.join(root, 'fixtures/demo-tenant-synced-users.json'),
    },
    // Only a DC this start started is stopped with it.
    stop: () => {
      if (!isRunning) stopDomainController(dir);
    },
  };
}
