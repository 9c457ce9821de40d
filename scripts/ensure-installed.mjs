// Lets the README's two commands (`npm start`, `npm test`) work on a fresh clone: installs the locked
// dependencies when node_modules is missing or older than package-lock.json, then generates the
// Prisma clients (both providers). Plain .mjs because it runs before tsx is installed.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale = !fs.existsSync(marker) || fs.statSync('package-lock.json').mtimeMs > fs.statSync(marker).mtimeMs;
if (stale) {
  console.log('[verity] installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
const clients = ['generated/prisma/sqlite/client.ts', 'generated/prisma/postgresql/client.ts'];
// Regenerate when a client is missing or older than the schema it was generated from.
const schemaTime = Math.max(
  fs.statSync('prisma/schema.prisma').mtimeMs,
  fs.statSync('prisma/postgresql/schema.prisma').mtimeMs,
);
if (stale || clients.some((file) => !fs.existsSync(file) || fs.statSync(file).mtimeMs < schemaTime)) {
  console.log('[verity] generating Prisma clients…');
  execSync('npx prisma generate', { stdio: 'inherit', env: { ...process.env, DATABASE_URL: 'file:./data/verity.db' } });
  execSync('npx prisma generate', {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: 'postgresql://localhost/unused' },
  });
}

// The compiled verity-ca (dist/verity-ca.mjs): rebuilt when missing or older than its sources, so the
// command starts fast and the tests exercise the file a pipeline runs (bin/cli-bundle-status.mjs).
const { cliBundleStatus } = await import('../bin/cli-bundle-status.mjs');
const cli = cliBundleStatus();
if (!cli.fresh) {
  console.log(`[verity] compiling the verity-ca command line (${cli.reason})…`);
  const { buildCli } = await import('./build-cli.mjs');
  await buildCli();
}
