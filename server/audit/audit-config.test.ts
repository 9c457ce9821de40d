import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';

const key = (id: string) => `${id}:${Buffer.alloc(32, 7).toString('base64')}`;
// Even a demo (VERITY_DEMO_MODE lifts the published-value refusals) keeps its audit keys outside the database.
const production = { NODE_ENV: 'production', VERITY_DEMO_MODE: '1', AUTH_SECRET: randomBytes(32).toString('base64') };

describe('audit chain keys in configuration (ASVS5 16.3)', () => {
  it('production refuses to start without the audit chain keys, naming the variable', () => {
    expect(() => loadConfig(production)).toThrow(/AUDIT_HMAC_KEYS: required in production/);
    expect(() => loadConfig({ ...production, AUDIT_HMAC_KEYS: key('k1') })).toThrow(
      /AUDIT_CHECKPOINT_KEY_FILE: required in production/,
    );
  });

  it('parses id:base64key lists, the first key signing, and refuses short, duplicate or reserved ids', () => {
    const config = loadConfig({ AUDIT_HMAC_KEYS: `${key('2026-q4')}, ${key('2026-q3')}` });
    expect(config.AUDIT_HMAC_KEYS?.map((entry) => entry.id)).toEqual(['2026-q4', '2026-q3']);
    expect(() => loadConfig({ AUDIT_HMAC_KEYS: 'k1:c2hvcnQ=' })).toThrow(/AUDIT_HMAC_KEYS: .*at least 32 bytes/);
    expect(() => loadConfig({ AUDIT_HMAC_KEYS: `${key('a')},${key('a')}` })).toThrow(/listed twice/);
    expect(() => loadConfig({ AUDIT_HMAC_KEYS: key('sha256') })).toThrow(/reserved/);
    expect(() => loadConfig({ AUDIT_HMAC_KEYS: 'no-colon' })).toThrow(/id:base64key/);
  });
});
