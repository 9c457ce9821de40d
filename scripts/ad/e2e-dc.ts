// The AD end-to-end run's domain controller (playwright.ad.config.ts starts it first, as a webServer):
// provisions the demo domain into a fresh folder, starts the DC on loopback, fills it, then answers
// "ready" on an HTTP health port until it is told to stop (SIGTERM/SIGINT), when it stops the DC by its
// process group and removes the folder. A missing Samba is a failure with the one apt-get line.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {
  isSambaInstalled,
  populateDemoDomain,
  provisionDemoDomain,
  startDomainController,
  stopDomainController,
} from './demo-domain';

const [folder, healthPort] = process.argv.slice(2);
if (!folder || !healthPort) throw new Error('usage: tsx scripts/ad/e2e-dc.ts <folder> <health port>');
const dir = path.resolve(folder);

async function main(): Promise<void> {
  if (!(await isSambaInstalled()))
    throw new Error(
      'the AD end-to-end tests need Samba AD DC: apt-get install -y samba-ad-dc samba ldb-tools ldap-utils',
    );
  // A DC left by an interrupted run from this folder is stopped and its domain thrown away.
  stopDomainController(dir);
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`[ad-e2e] provisioning the demo domain into ${dir}…`);
  await provisionDemoDomain(dir);
  await startDomainController(dir);
  await populateDemoDomain(dir);
  const server = http.createServer((_request, response) => response.end('ready'));
  server.listen(Number(healthPort), '127.0.0.1');
  console.log('[ad-e2e] DC ready on ldaps://127.0.0.1:636');
  const stop = () => {
    stopDomainController(dir);
    server.close();
    setTimeout(() => {
      fs.rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    }, 500);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(`[ad-e2e] ${error instanceof Error ? error.message : String(error)}`);
  stopDomainController(dir);
  process.exit(1);
});
