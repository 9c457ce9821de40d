import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { demoClientIds, demoTenantId, publishedSecrets } from './published-values';

// A production environment with nothing published in it: each test changes one variable.
const realEntra = {
  NODE_ENV: 'production',
  AUTH_SECRET: randomBytes(32).toString('base64'),
  ENTRA_AUTHORITY_HOST: 'https://login.microsoftonline.com',
  GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0',
  ENTRA_TENANT_ID: '3f2b6c1e-9d4a-4e7b-8a15-6c0d9e2f4b71',
  ENTRA_RESET_CLIENT_ID: '0c9e5a27-4b1d-4f63-9e08-7d2a1b5c3e94',
  ENTRA_RESET_CLIENT_SECRET: randomBytes(30).toString('base64url'),
  ENTRA_PORTAL_CLIENT_ID: '6a4d2e18-7c3b-4d95-a1f0-2e8b9c7d5a36',
  ENTRA_PORTAL_CLIENT_SECRET: randomBytes(30).toString('base64url'),
  // required in production by the audit chain (server/audit/)
  AUDIT_HMAC_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  AUDIT_CHECKPOINT_KEY_FILE: 'audit-checkpoint-key.pem',
} as const;

const refusal = (variable: string) => new RegExp(`^Invalid environment variable ${variable}: [^\\n]+$`);

describe('production refuses unsafe configuration (issue 11, finding 1)', () => {
  it('starts with real Entra settings and a random secret', () => {
    expect(loadConfig(realEntra).AUTH_SECRET).toBe(realEntra.AUTH_SECRET);
  });

  it('refuses to start without AUTH_SECRET', () => {
    const { AUTH_SECRET: _unset, ...rest } = realEntra;
    expect(() => loadConfig(rest)).toThrow(refusal('AUTH_SECRET'));
  });

  it('refuses every AUTH_SECRET published in the repository, in one line naming the variable', () => {
    for (const secret of [...publishedSecrets].filter((value) => value.length >= 32))
      expect(() => loadConfig({ ...realEntra, AUTH_SECRET: secret })).toThrow(refusal('AUTH_SECRET'));
  });

  it.each([
    ['one character repeated', 'a'.repeat(32)],
    ['two characters alternating', 'ab'.repeat(24)],
    ['binary digits', '0110100111010010110100101101001011010010110100101101'],
    ['an ascending sequence', 'abcdefghijklmnopqrstuvwxyz0123456789'],
    ['a repeated word', 'correcthorse'.repeat(4)],
  ])('refuses a low-entropy AUTH_SECRET: %s', (_name, secret) => {
    expect(() => loadConfig({ ...realEntra, AUTH_SECRET: secret })).toThrow(refusal('AUTH_SECRET'));
  });

  it('accepts secrets from the usual generators (openssl rand -base64 32, -hex 32, -hex 16)', () => {
    for (let run = 0; run < 50; run += 1)
      for (const secret of [
        randomBytes(32).toString('base64'),
        randomBytes(32).toString('hex'),
        randomBytes(16).toString('hex'),
      ])
        expect(loadConfig({ ...realEntra, AUTH_SECRET: secret }).AUTH_SECRET).toBe(secret);
  });

  it('refuses the demo client secrets, also in any other secret variable', () => {
    for (const variable of ['ENTRA_RESET_CLIENT_SECRET', 'ENTRA_PORTAL_CLIENT_SECRET', 'SMS_GATEWAY_TOKEN'])
      for (const secret of ['dev-secret-reset', 'dev-secret-portal', 'dev-secret-test'])
        expect(() => loadConfig({ ...realEntra, [variable]: secret })).toThrow(refusal(variable));
    const { ENTRA_PORTAL_CLIENT_SECRET: _unset, ...rest } = realEntra;
    expect(() => loadConfig(rest)).toThrow(refusal('ENTRA_PORTAL_CLIENT_SECRET'));
  });

  it('refuses the demo client ids and the demo tenant', () => {
    for (const variable of ['ENTRA_RESET_CLIENT_ID', 'ENTRA_PORTAL_CLIENT_ID'])
      for (const id of demoClientIds)
        expect(() => loadConfig({ ...realEntra, [variable]: id.toUpperCase() })).toThrow(refusal(variable));
    expect(() => loadConfig({ ...realEntra, ENTRA_TENANT_ID: demoTenantId })).toThrow(refusal('ENTRA_TENANT_ID'));
  });

  it.each([
    'https://localhost:4443',
    'https://127.0.0.1:4443',
    'https://127.9.9.9',
    'https://[::1]:4443',
    'https://login.localhost',
    'https://LOCALHOST',
  ])('refuses the mock or a loopback authority: %s', (authority) => {
    expect(() => loadConfig({ ...realEntra, ENTRA_AUTHORITY_HOST: authority })).toThrow(
      refusal('ENTRA_AUTHORITY_HOST'),
    );
    expect(() => loadConfig({ ...realEntra, GRAPH_BASE_URL: `${authority}/graph/v1.0` })).toThrow(
      refusal('GRAPH_BASE_URL'),
    );
  });

  const hmacKey = (id: string, secret: Buffer) => `${id}:${secret.toString('base64')}`;

  it.each([
    ['published in the repository (the tests’ all-zero key)', `k1:${'A'.repeat(44)}`],
    ['published in the repository (the audit config test’s key)', hmacKey('k1', Buffer.alloc(32, 7))],
    ['low entropy: two byte values', hmacKey('k1', Buffer.from('\u0001\u0002'.repeat(24), 'latin1'))],
    ['low entropy: a typed word repeated', hmacKey('k1', Buffer.from('password'.repeat(5)))],
    ['low entropy: an ascending sequence', hmacKey('k1', Buffer.from('abcdefghijklmnopqrstuvwxyz0123456789'))],
    ['too short (16 bytes)', hmacKey('k1', randomBytes(16))],
    ['a weak older key kept for verification', `${realEntra.AUDIT_HMAC_KEYS},${hmacKey('k0', Buffer.alloc(32, 7))}`],
  ])('refuses an unsafe AUDIT_HMAC_KEYS: %s', (_name, keys) => {
    expect(() => loadConfig({ ...realEntra, AUDIT_HMAC_KEYS: keys })).toThrow(refusal('AUDIT_HMAC_KEYS'));
  });

  it('accepts audit keys from the usual generator (openssl rand -base64 32), and a rotation list of them', () => {
    for (let run = 0; run < 50; run += 1) {
      const keys = `${hmacKey('2026-q4', randomBytes(32))},${hmacKey('2026-q3', randomBytes(48))}`;
      expect(loadConfig({ ...realEntra, AUDIT_HMAC_KEYS: keys }).AUDIT_HMAC_KEYS).toHaveLength(2);
    }
    const typed = hmacKey('typed', Buffer.from(randomBytes(30).toString('base64')));
    expect(loadConfig({ ...realEntra, AUDIT_HMAC_KEYS: typed }).AUDIT_HMAC_KEYS).toHaveLength(1);
  });

  it('allows a published audit key with VERITY_DEMO_MODE=1', () => {
    const demo = loadConfig({ ...realEntra, VERITY_DEMO_MODE: '1', AUDIT_HMAC_KEYS: `k1:${'A'.repeat(44)}` });
    expect(demo.AUDIT_HMAC_KEYS?.[0]?.secret.equals(Buffer.alloc(33))).toBe(true);
  });

  it('allows all of it with VERITY_DEMO_MODE=1 (still not without a secret)', () => {
    const demo = loadConfig({
      NODE_ENV: 'production',
      VERITY_DEMO_MODE: '1',
      AUTH_SECRET: 'e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz',
      AUDIT_HMAC_KEYS: realEntra.AUDIT_HMAC_KEYS,
      AUDIT_CHECKPOINT_KEY_FILE: realEntra.AUDIT_CHECKPOINT_KEY_FILE,
    });
    expect(demo.VERITY_DEMO_MODE).toBe(true);
    expect(demo.ENTRA_AUTHORITY_HOST).toBe('https://localhost:4443');
    expect(() => loadConfig({ NODE_ENV: 'production', VERITY_DEMO_MODE: '1' })).toThrow(refusal('AUTH_SECRET'));
  });

  it('skips the reset app secret when the reset app uses a certificate', () => {
    const { ENTRA_RESET_CLIENT_SECRET: _unset, ...rest } = realEntra;
    const config = loadConfig({
      ...rest,
      ENTRA_RESET_CLIENT_CERTIFICATE_KEY: '-----BEGIN PRIVATE KEY-----\nMIIE…\n-----END PRIVATE KEY-----',
      ENTRA_RESET_CLIENT_CERTIFICATE_THUMBPRINT: 'a'.repeat(64),
    });
    expect(config.ENTRA_RESET_CLIENT_CERTIFICATE_KEY).toBeDefined();
  });
});
