// Local certificate authority and server certificate for the mock's HTTPS listener. MSAL refuses
// non-https authorities, so the mock must be https even on localhost. Created once with the
// `mkcert` npm package (pure JS, no openssl, no download) and reused; the portal's processes
// trust `ca.crt` through NODE_EXTRA_CA_CERTS. The portal's start script calls this first.
import fs from 'node:fs';
import path from 'node:path';
import { createCA, createCert } from 'mkcert';

export type CertificatePaths = { caCert: string; caKey: string; cert: string; key: string };

const serverNames = ['localhost', '127.0.0.1', '::1'];

export function certificatePaths(certDir: string): CertificatePaths {
  return {
    caCert: path.join(certDir, 'ca.crt'),
    caKey: path.join(certDir, 'ca.key'),
    cert: path.join(certDir, 'localhost.crt'),
    key: path.join(certDir, 'localhost.key'),
  };
}

/** Ensures the CA and the localhost certificate exist in `certDir`; returns their paths. */
export async function ensureCertificates(certDir: string): Promise<CertificatePaths> {
  const paths = certificatePaths(certDir);
  fs.mkdirSync(certDir, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(paths.caCert) || !fs.existsSync(paths.caKey)) {
    const ca = await createCA({
      organization: 'Verity Mock Entra ID (development only)',
      countryCode: 'US',
      state: 'Washington',
      locality: 'Redmond',
      validity: 825,
    });
    writeSecret(paths.caKey, ca.key);
    fs.writeFileSync(paths.caCert, ca.cert);
    fs.rmSync(paths.cert, { force: true });
  }
  if (!fs.existsSync(paths.cert) || !fs.existsSync(paths.key)) {
    const ca = { cert: fs.readFileSync(paths.caCert, 'utf8'), key: fs.readFileSync(paths.caKey, 'utf8') };
    const server = await createCert({ ca, domains: serverNames, validity: 365 });
    writeSecret(paths.key, server.key);
    // The chain lets clients that only trust the CA verify the leaf.
    fs.writeFileSync(paths.cert, `${server.cert}\n${ca.cert}`);
  }
  return paths;
}

function writeSecret(file: string, contents: string): void {
  fs.writeFileSync(file, contents, { mode: 0o600 });
}
