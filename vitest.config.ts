import { defineConfig } from 'vitest/config';

// Unit and integration tests sit next to the code as *.test.ts. Playwright specs live in e2e/ and
// are run by `npm run test:e2e`, never by vitest.
export default defineConfig({
  resolve: {
    alias: {
      '@': new URL('.', import.meta.url).pathname,
      'server-only': new URL('./node_modules/server-only/empty.js', import.meta.url).pathname,
    },
  },
  test: {
    include: [
      'lib/**/*.test.ts',
      'app/**/*.test.ts',
      'server/**/*.test.ts',
      'cli/**/*.test.ts',
      'mock-idp/**/*.test.ts',
      'scripts/**/*.test.ts',
      'dev-sink/**/*.test.ts',
    ],
    // *.ad.test.ts need a domain controller: `npm run test:ad` (vitest.ad.config.ts).
    exclude: [
      'node_modules/**',
      'e2e/**',
      '.next/**',
      '.next-e2e/**',
      '.next-faults/**',
      'faults/**',
      '**/*.ad.test.ts',
    ],
    environment: 'node',
    globalSetup: ['cli/build-cli.global-setup.ts'],
    // Tests never read the developer's audit checkpoints (data/audit-checkpoints.jsonl); audit tests use their own.
    env: { AUDIT_CHECKPOINT_FILE: 'data/vitest/audit-checkpoints.jsonl' },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
