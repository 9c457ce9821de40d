// Benchmark of the hybrid path (issue 10, item 10) on the loopback Samba AD DC. Not a timed test: it prints
// figures and writes bench/results/ad-reset.json.
//   - AD password write through the portal's server function: changePassword for a verified session of a
//     synced user (claim, effective policy read, unicodePwd modify over LDAPS, audit), one new LDAPS
//     connection per call as in production;
//   - the new-password page's AD policy read (the work the page adds for a synced user before its first
//     byte: Graph user, then objectSid lookup, tokenGroups, msDS-ResultantPSO and the policy over LDAPS).
//
//   npm run bench:ad      (provisions its own DC like test:ad; AD_BENCH_DC_DIR=<dir> reuses a running one)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  domainControllerAt,
  populateDemoDomain,
  provisionDemoDomain,
  startDomainController,
  stopDomainController,
} from '../scripts/ad/demo-domain';
import { createAdDirectory } from '../server/ad/ad-directory';
import { createSyncedUser, serviceSettings } from '../server/ad/test-support/ad-test-kit';
import { createTestDatabase } from '../server/database/test-database';
import { syncedUser, testOrigin, verifiedSession } from '../server/hybrid/hybrid-test-support';
import { onPremisesDirectoriesOf } from '../server/hybrid/on-premises-directories';
import { onPremisesPasswordView } from '../server/hybrid/on-premises-password-view';
import { changePassword } from '../server/reset/change-password';
import { memoryDirectory, passwordAndPush, testResetDependencies } from '../server/reset/reset-test-support';
import { summarizeNanoseconds } from './timing';

const samples = Number(process.argv[2] ?? 40);
const ms = (ns: number) => Math.round(ns / 1e4) / 100;

async function withDomainController<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const reuse = process.env.AD_BENCH_DC_DIR;
  if (reuse) return run(reuse);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-ad-bench-'));
  try {
    await provisionDemoDomain(dir);
    await startDomainController(dir);
    await populateDemoDomain(dir);
    return await run(dir);
  } finally {
    stopDomainController(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await withDomainController(async (dir) => {
  const dc = domainControllerAt(dir);
  const testDb = await createTestDatabase();
  try {
    const account = await createSyncedUser(dc, 'bench', 'Start-Pass-2024!');
    const user = syncedUser('user-bench', account.upn, {
      securityIdentifier: account.sid,
      domainName: 'corp.contoso.test',
    });
    const deps = testResetDependencies(testDb.db, memoryDirectory([{ user, methods: passwordAndPush }]), {
      onPremises: onPremisesDirectoriesOf([createAdDirectory(serviceSettings(dc))]),
    });
    const writes: bigint[] = [];
    const reads: bigint[] = [];
    for (let index = 0; index < samples; index += 1) {
      const token = await verifiedSession(deps, user);
      const readStart = process.hrtime.bigint();
      const view = await onPremisesPasswordView(deps, await deps.directory.getUser(user.id));
      reads.push(process.hrtime.bigint() - readStart);
      if (view.kind !== 'activeDirectory') throw new Error(`unexpected ${view.kind}`);
      const password = `Harbour-${index}-Lantern-Quill!`;
      const start = process.hrtime.bigint();
      await changePassword(deps, { token, password, confirmation: password, locale: 'en', origin: testOrigin });
      writes.push(process.hrtime.bigint() - start);
    }
    const write = summarizeNanoseconds(writes);
    const read = summarizeNanoseconds(reads);
    const results = {
      samples,
      adPasswordWriteMs: { median: ms(write.median), p95: ms(write.p95), max: ms(write.max) },
      newPasswordPagePolicyReadMs: { median: ms(read.median), p95: ms(read.p95), max: ms(read.max) },
      loadAverage: os.loadavg().map((value) => Math.round(value * 10) / 10),
    };
    console.log(JSON.stringify(results, null, 2));
    fs.mkdirSync('bench/results', { recursive: true });
    fs.writeFileSync('bench/results/ad-reset.json', `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await testDb.drop();
  }
});
