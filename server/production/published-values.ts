// Values that are published in this repository (defaults, fixtures, test and e2e settings, docs). Anyone can
// read them, so a production deployment that uses one is as open as one without a secret: a known AUTH_SECRET
// lets anyone mint a next-auth session with any roles. `published-values.test.ts` greps the repository for
// secret-looking literals and for the mock's client ids, so a new one cannot be added without landing here.

/** Secrets (session secrets, client secrets, passwords, tokens) that appear in the repository. */
export const publishedSecrets: ReadonlySet<string> = new Set([
  // AUTH_SECRET values: development default, tests, Playwright, benchmarks
  'verity-development-only-secret-change-me-000000',
  'test-secret-test-secret-test-secret-0000',
  'e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz',
  'bench-only-secret-0123456789abcdefghijklmnopqrstuvwxyz',
  'faults-only-secret-0123456789abcdefghijklmnopqrstuvwxyz',
  'test-secret-0123456789abcdefghijklmnopqrstuvwxyz',
  // the mock Entra's client secrets (mock-idp/fixtures/clients.json)
  'dev-secret-reset',
  'dev-secret-portal',
  'dev-secret-test',
  // the mock's credentials and test passwords that a service account could be given
  'Verity-Demo-2024!',
  'JBSWY3DPEHPK3PXPISAIAH2A',
  'JBSWY3DPEHPK3PXPLYNNE2AB',
  'service-secret-value',
]);

/** The demo tenant (fixtures/demo-tenant.json) and the mock's app registrations. */
export const demoTenantId = '8c3f1e0a-5b7d-4c2e-9a61-3d4b2f7e1c90';
export const demoClientIds: ReadonlySet<string> = new Set([
  'a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d01',
  'a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d02',
  'a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d99',
]);

/** Audit chain HMAC key material (base64) that appears in the repository's tests and settings. */
export const publishedAuditHmacKeys: readonly string[] = [
  // `k1:${'A'.repeat(44)}` in server/config.test.ts and server/reset/reset-routes.integration.test.ts
  'A'.repeat(44),
  // Buffer.alloc(32, 7) in server/audit/audit-config.test.ts
  Buffer.alloc(32, 7).toString('base64'),
];
