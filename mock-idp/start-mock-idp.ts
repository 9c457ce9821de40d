// Starts the mock on HTTPS; used by server.ts (`npm run mock-idp`) and in-process by the tests.
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import { ensureCertificates, type CertificatePaths } from './http/certificates';
import type { MockIdpConfig } from './config';
import { createMockIdp, type CreateMockIdpOptions, type MockIdpApp } from './create-mock-idp';

export type RunningMockIdp = MockIdpApp & {
  url: string;
  port: number;
  certificates: CertificatePaths;
  caCert: string;
  stop: () => Promise<void>;
};

export async function startMockIdp(
  config: MockIdpConfig,
  options: Omit<CreateMockIdpOptions, 'config' | 'origin'> = {},
): Promise<RunningMockIdp> {
  const certificates = await ensureCertificates(config.certDir);
  // With port 0 (tests) pick a free port first: the provider's issuer includes the port.
  const port = config.port === 0 ? await freePort() : config.port;
  config.port = port;
  const origin = `https://${config.host}:${port}`;
  const app = await createMockIdp({ ...options, config, origin: () => origin });
  const server = https.createServer(
    { key: fs.readFileSync(certificates.key), cert: fs.readFileSync(certificates.cert) },
    app.handle,
  );
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, config.host === 'localhost' ? '127.0.0.1' : config.host, () => resolve());
  });
  return {
    ...app,
    url: origin,
    port,
    certificates,
    caCert: fs.readFileSync(certificates.caCert, 'utf8'),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          app.close();
          resolve();
        });
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      // A TCP listener's address is an AddressInfo; null or a string (a pipe) would be a broken listen.
      const address = probe.address();
      if (address === null || typeof address === 'string') return probe.close(() => reject(new Error('no TCP port')));
      probe.close(() => resolve(address.port));
    });
  });
}
