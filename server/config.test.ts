import { describe, expect, it } from 'vitest';
import { databaseProvider, loadConfig } from './config';

describe('config', () => {
  it('starts on embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('file:./data/verity.db');
    expect(databaseProvider(config)).toBe('sqlite');
    expect(config.ENTRA_AUTHORITY_HOST).toBe('https://localhost:4443');
    expect(config.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('selects PostgreSQL from DATABASE_URL', () => {
    expect(databaseProvider(loadConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test' }))).toBe(
      'postgresql',
    );
  });

  it('names the bad variable in one clear error', () => {
    expect(() => loadConfig({ SMTP_PORT: 'seventy' })).toThrow(/^Invalid environment variable SMTP_PORT:/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with file:/);
    expect(() => loadConfig({ ENTRA_AUTHORITY_HOST: 'http://localhost:4443' })).toThrow(/ENTRA_AUTHORITY_HOST/);
  });

  it('requires a real AUTH_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET: required in production/);
    // The other production refusals: server/production/refuse-unsafe-settings.test.ts.
    const auditKeys = { AUDIT_HMAC_KEYS: `k1:${'A'.repeat(44)}`, AUDIT_CHECKPOINT_KEY_FILE: 'audit-key.pem' };
    const demo = { NODE_ENV: 'production', VERITY_DEMO_MODE: '1', ...auditKeys };
    expect(loadConfig({ ...demo, AUTH_SECRET: 'x'.repeat(40) }).AUTH_SECRET).toBe('x'.repeat(40));
  });
});
