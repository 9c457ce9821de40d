// `npm run mock-idp` (tsx mock-idp/main.ts): the mock Entra ID on https://localhost:4443 (MOCK_IDP_PORT).
import fs from 'node:fs';
import { readMockIdpConfig, type MockIdpConfig } from './config';

let config: MockIdpConfig;
try {
  config = readMockIdpConfig(process.env, fs.existsSync);
} catch (error) {
  process.stderr.write(`mock-idp: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  process.exit(1);
}
// Loaded after the configuration check, so a refused start prints its one line and nothing else.
const { startMockIdp } = await import('./start-mock-idp');
const running = await startMockIdp(config);
process.stdout.write(
  [
    `Mock Entra ID — development only — listening on ${running.url}`,
    `  tenant ${running.mock.tenant.tenantId} (${running.mock.tenant.domains.join(', ')}) from ${config.tenantFile}`,
    `  discovery ${running.url}/${running.mock.tenant.tenantId}/v2.0/.well-known/openid-configuration`,
    `  trust ${running.certificates.caCert} with NODE_EXTRA_CA_CERTS`,
    `  Conditional Access engine: ${running.mock.conditionalAccess.engine ? 'loaded' : 'not available (sign-ins are not evaluated)'}`,
    `  control API: ${config.isControlApiEnabled ? 'enabled' : 'disabled'}`,
    `  Authenticator pages: ${config.isAuthenticatorEnabled ? 'enabled' : 'disabled (MOCK_IDP_AUTHENTICATOR=1 enables them)'}`,
    '',
  ].join('\n'),
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.stop().then(() => process.exit(0));
  });
}
