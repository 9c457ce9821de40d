import { defineConfig } from '@playwright/test';

// End-to-end tests live in e2e/. Debian's Chromium (/usr/bin/chromium), never a downloaded build.
// The mock Entra ID runs on its own port for the tests (control API on, its own data folder) so a
// developer's mock on 4443 is never touched. The portal's webServer entry will join this list.
const mockIdpPort = Number(process.env.MOCK_IDP_E2E_PORT ?? 4444);
export const mockIdpUrl = `https://localhost:${mockIdpPort}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: mockIdpUrl,
    ignoreHTTPSErrors: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      name: 'mock-idp',
      command: 'npx tsx mock-idp/main.ts',
      url: `${mockIdpUrl}/`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: {
        MOCK_IDP_PORT: String(mockIdpPort),
        MOCK_IDP_CONTROL_API: '1',
        MOCK_IDP_DATA_DIR: '.mock-idp-data/e2e',
      },
    },
  ],
});
