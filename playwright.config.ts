import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { devSinkUrl, mockIdpUrl, portalUrl, ports } from './e2e/fixtures/ports';

// End-to-end tests live in e2e/. Debian's Chromium (/usr/bin/chromium), never a downloaded build.
// Three servers, each on its own port (shifted by E2E_PORT_OFFSET): the mock Entra ID (control API on, its
// own data folder), the development mail/SMS sink, and the portal (fresh SQLite database, production build
// in its own folder). A developer's `npm start` on 3000/4443 is never touched.
const root = path.dirname(new URL(import.meta.url).pathname);
// Create the local CA once, before the servers start side by side (they would race to create two).
execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/ensure-certificates.ts'], {
  cwd: root,
  stdio: 'inherit',
});
const caCert = path.join(root, '.certs/ca.crt');
const reuse = !process.env.CI && process.env.E2E_REUSE_SERVERS === '1';

export { mockIdpUrl, portalUrl };

export default defineConfig({
  testDir: 'e2e',
  // e2e/ad/ runs against a real Samba AD DC: `npm run test:e2e:ad` (playwright.ad.config.ts).
  testIgnore: ['ad/**'],
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: mockIdpUrl,
    ignoreHTTPSErrors: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      name: 'mock-idp',
      command: 'npx tsx mock-idp/main.ts',
      cwd: root,
      url: `${mockIdpUrl}/`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: reuse,
      timeout: 60_000,
      env: {
        MOCK_IDP_PORT: String(ports.mockIdp),
        MOCK_IDP_CONTROL_API: '1',
        MOCK_IDP_AUTHENTICATOR: '1',
        MOCK_IDP_DATA_DIR: `.mock-idp-data/e2e-${ports.mockIdp}`,
        MOCK_IDP_PORTAL_ORIGIN: portalUrl,
      },
    },
    {
      name: 'dev-sink',
      command: 'npx tsx dev-sink/main.ts',
      cwd: root,
      url: `${devSinkUrl}/`,
      reuseExistingServer: reuse,
      timeout: 30_000,
      env: { DEV_SINK_SMTP_PORT: String(ports.smtp), DEV_SINK_HTTP_PORT: String(ports.devSinkHttp) },
    },
    {
      name: 'portal',
      command: 'npx tsx scripts/e2e-portal.ts',
      cwd: root,
      url: `${portalUrl}/api/health`,
      reuseExistingServer: reuse,
      timeout: 300_000,
      env: {
        PORT: String(ports.portal),
        APP_ORIGIN: portalUrl,
        NEXT_DIST_DIR: '.next-e2e',
        DATABASE_URL: `file:./data/e2e-${ports.portal}.db`,
        AUTH_SECRET: 'e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz',
        // A production build on the mock Entra with a published secret: a demo, which production refuses
        // unless it says so (server/production/refuse-unsafe-settings.ts).
        VERITY_DEMO_MODE: '1',
        ENTRA_AUTHORITY_HOST: mockIdpUrl,
        GRAPH_BASE_URL: `${mockIdpUrl}/graph/v1.0`,
        MOCK_IDP_PORT: String(ports.mockIdp),
        SMTP_PORT: String(ports.smtp),
        SMS_GATEWAY_URL: `${devSinkUrl}/sms`,
        NODE_EXTRA_CA_CERTS: caCert,
      },
    },
  ],
});
