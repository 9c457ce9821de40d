import { defineConfig } from 'vitest/config';

// `npm run test:faults` (issue 12): the fault suite in faults/, which starts and stops everything it needs
// (faults/fault-harness.ts). One file, in order: the tests share the two portal instances.
export default defineConfig({
  resolve: {
    alias: {
      '@': new URL('.', import.meta.url).pathname,
      'server-only': new URL('./node_modules/server-only/empty.js', import.meta.url).pathname,
    },
  },
  test: {
    include: ['faults/**/*.test.ts'],
    globalSetup: ['faults/build-portal.global-setup.ts'],
    fileParallelism: false,
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
