import { defineConfig } from 'vitest/config';

// `npm run test:ad`: the Active Directory suite against a real Samba AD DC that the global setup
// provisions, starts and stops. One file at a time: the tests share the one DC and its lockout state.
export default defineConfig({
  resolve: {
    alias: {
      '@': new URL('.', import.meta.url).pathname,
      'server-only': new URL('./node_modules/server-only/empty.js', import.meta.url).pathname,
    },
  },
  test: {
    include: ['server/**/*.ad.test.ts', 'mock-idp/**/*.ad.test.ts'],
    globalSetup: ['server/ad/test-support/ad-global-setup.ts'],
    fileParallelism: false,
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 240_000,
  },
});
