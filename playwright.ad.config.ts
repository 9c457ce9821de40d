import path from 'node:path';
import { defineConfig } from '@playwright/test';
import base from './playwright.config';
import { adDcDir, adE2eEnvironment } from './e2e/ad/ad-dc';
import { ports } from './e2e/fixtures/ports';

// `npm run test:e2e:ad`: the hybrid specs (e2e/ad/) against a real Samba AD DC. The servers of the main
// config, started after a first one that provisions the demo domain into its own folder and stops it at the
// end (scripts/ad/e2e-dc.ts); the mock Entra adds the synced demo users and checks their passwords against
// the DC (pass-through authentication), the portal writes their passwords to it. A missing Samba fails the
// run, never skips it. The DC binds 636 on loopback: one run at a time on a machine.
const root = path.dirname(new URL(import.meta.url).pathname);
const servers = Array.isArray(base.webServer) ? base.webServer : [];
const hybrid: Record<string, Record<string, string>> = {
  'mock-idp': {
    ...adE2eEnvironment(),
    MOCK_IDP_SYNCED_USERS_FILE: path.join(root, 'fixtures/demo-tenant-synced-users.json'),
    MOCK_IDP_DATA_DIR: `.mock-idp-data/e2e-ad-${ports.mockIdp}`,
  },
  portal: {
    ...adE2eEnvironment(),
    AD_PASSWORD_SYNC: 'passThrough',
    DATABASE_URL: `file:./data/e2e-ad-${ports.portal}.db`,
  },
};

export default defineConfig({
  ...base,
  testIgnore: [],
  // `ad`: the specs (npm run test:e2e:ad); `ad-bench`: the page-timing benchmark on the same servers
  // (npm run bench:ad:page), never part of the tests.
  projects: [
    { name: 'ad', testDir: 'e2e/ad', use: { browserName: 'chromium' } },
    { name: 'ad-bench', testDir: 'bench', testMatch: /ad-.*\.spec\.ts$/, retries: 0, use: { browserName: 'chromium' } },
  ],
  outputDir: 'test-results/ad',
  // A real DC, two browsers and several sign-ins per test on a shared machine.
  timeout: 180_000,
  webServer: [
    {
      name: 'ad-dc',
      command: `npx tsx scripts/ad/e2e-dc.ts ${adDcDir} ${ports.adDcHealth}`,
      cwd: root,
      url: `http://127.0.0.1:${ports.adDcHealth}/`,
      reuseExistingServer: false,
      timeout: 240_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
    ...servers.map((server) => ({
      ...server,
      reuseExistingServer: false,
      env: { ...server.env, ...(hybrid[server.name ?? ''] ?? {}) },
    })),
  ],
});
