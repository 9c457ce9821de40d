// The mock Entra is a development program (issue 11, finding 1): it refuses production, and the pages that
// let anyone approve anyone's push (the simulated Authenticator), like the control API, are off unless enabled.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMockIdpConfig } from './config';
import { createHttpClient } from './http/https-client';
import type { RunningMockIdp } from './start-mock-idp';
import { startTestMockIdp } from './test-support';

describe('the mock Entra is development only', () => {
  it('refuses NODE_ENV=production and keeps its test switches off by default', () => {
    expect(() => readMockIdpConfig({ NODE_ENV: 'production' }, fs.existsSync)).toThrow(/NODE_ENV=production/);
    const config = readMockIdpConfig({}, fs.existsSync);
    expect(config.isAuthenticatorEnabled).toBe(false);
    expect(config.isControlApiEnabled).toBe(false);
  });

  describe('started without MOCK_IDP_AUTHENTICATOR and MOCK_IDP_CONTROL_API', () => {
    let mock: RunningMockIdp;
    beforeAll(async () => {
      mock = await startTestMockIdp({}, { MOCK_IDP_AUTHENTICATOR: '0', MOCK_IDP_CONTROL_API: '0' });
    });
    afterAll(async () => {
      await mock?.stop();
    });

    it.each([
      '/authenticator/pradeep.gupta%40contoso.test',
      '/authenticator/pradeep.gupta%40contoso.test/requests.json',
      '/control/outbox',
    ])('serves no %s', async (route) => {
      const response = await createHttpClient(mock.caCert).request(`${mock.url}${route}`, { method: 'GET' });
      expect(response.status).toBe(404);
    });
  });
});
