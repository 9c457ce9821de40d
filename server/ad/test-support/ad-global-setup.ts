// Global setup of `npm run test:ad`: provisions the demo domain into a temporary folder, starts its DC on
// loopback, fills it, hands the tests its location, and stops it by process group afterwards. A missing
// Samba is a failure with the one apt-get line, never a skip. AD_TEST_DC_DIR reuses a running,
// populated DC (for iterating locally); CI never sets it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  isSambaInstalled,
  populateDemoDomain,
  provisionDemoDomain,
  startDomainController,
  stopDomainController,
  domainControllerAt,
} from '../../../scripts/ad/demo-domain';

declare module 'vitest' {
  export interface ProvidedContext {
    adDirectory: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // eslint-disable-next-line no-restricted-properties -- test harness switch, not portal configuration
  const reuse = process.env.AD_TEST_DC_DIR;
  if (reuse) {
    domainControllerAt(reuse);
    project.provide('adDirectory', reuse);
    return async () => {};
  }
  if (!(await isSambaInstalled()))
    throw new Error(
      'test:ad needs Samba AD DC: apt-get install -y samba-ad-dc samba ldb-tools ldap-utils (see README "Hybrid identity")',
    );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-ad-'));
  await provisionDemoDomain(dir);
  await startDomainController(dir);
  await populateDemoDomain(dir);
  project.provide('adDirectory', dir);
  return async () => {
    stopDomainController(dir);
    await new Promise((resolve) => setTimeout(resolve, 500));
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
