// `npm run ad:demo -- provision|start|stop|env [dir]`: the demo domain controller for development
// (scripts/ad/demo-domain.ts). Default folder: data/ad-demo. `provision` creates, starts and fills it;
// `start` restarts an existing one; `env` prints the AD_* settings for the portal and the mock.
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

const [command, folder] = process.argv.slice(2);
const dir = path.resolve(folder ?? 'data/ad-demo');

async function main(): Promise<void> {
  if (command === 'stop') {
    console.log(stopDomainController(dir) ? `[ad] stopped the DC in ${dir}` : `[ad] no DC running from ${dir}`);
    return;
  }
  if (command === 'env') {
    for (const [key, value] of Object.entries(adEnvironment(domainControllerAt(dir)))) console.log(`${key}=${value}`);
    return;
  }
  if (command !== 'provision' && command !== 'start') {
    console.error('usage: npm run ad:demo -- provision|start|stop|env [dir]');
    process.exitCode = 2;
    return;
  }
  if (!(await isSambaInstalled())) {
    console.error('[ad] Samba is not installed: apt-get install -y samba-ad-dc samba ldb-tools ldap-utils');
    process.exitCode = 1;
    return;
  }
  if (command === 'provision') {
    if (fs.existsSync(path.join(dir, 'etc/smb.conf'))) {
      console.error(`[ad] ${dir} already holds a domain: remove it first, or use start`);
      process.exitCode = 2;
      return;
    }
    console.log(`[ad] provisioning the demo domain into ${dir} (about 20-80 s)…`);
    await provisionDemoDomain(dir);
  }
  await startDomainController(dir);
  if (command === 'provision') await populateDemoDomain(dir);
  console.log(
    `[ad] DC on ldaps://127.0.0.1:636 (loopback only); stop it with: npm run ad:demo -- stop ${folder ?? ''}`,
  );
}

main().catch((error: unknown) => {
  console.error(`[ad] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
