// `npm run mock-idp` (tsx mock-idp/main.ts): the mock Entra ID on https://localhost:4443 (MOCK_IDP_PORT).
import fs from 'node:fs';
import { readMockIdpConfig } from './config';
import { startMockIdp } from './start-mock-idp';

const config = readMockIdpConfig(process.env, fs.existsSync);
const running = await startMockIdp(config);
process.stdout.write(
  [
    `Mock Entra ID — development only — listening on ${running.url}`,
    `  tenant ${running.mock.tenant.tenantId} (${running.mock.tenant.domains.join(', ')}) from ${config.tenantFile}`,
    `  discovery ${running.url}/${running.mock.tenant.tenantId}/v2.0/.well-known/openid-configuration`,
    `  trust ${running.certificates.caCert} with NODE_EXTRA_CA_CERTS`,
    `  Conditional Access engine: ${running.mock.conditionalAccess.engine ? 'loaded' : 'not available (sign-ins are not evaluated)'}`,
    `  control API: ${config.isControlApiEnabled ? 'enabled' : 'disabled'}`,
    '',
  ].join('\n'),
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.stop().then(() => process.exit(0));
  });
}
