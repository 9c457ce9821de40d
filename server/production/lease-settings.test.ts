// Leases and the sweep are settings (issue 12); production refuses values that would turn a landed change
// into a reported failure or run a job twice (server/production/lease-settings.ts).
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { resetSettingsFrom } from '../reset/reset-settings';
import { unsafeLeaseSettings } from './lease-settings';

const production = {
  NODE_ENV: 'production',
  VERITY_DEMO_MODE: '1',
  AUTH_SECRET: 'x'.repeat(40),
  AUDIT_HMAC_KEYS: `k1:${'A'.repeat(44)}`,
  AUDIT_CHECKPOINT_KEY_FILE: 'audit-key.pem',
};
const defaults = loadConfig({});

describe('lease and sweep settings', () => {
  it('default to a 60 s write lease, a 60 s job lease and a 10 s sweep, which production accepts', () => {
    const config = loadConfig(production);
    expect([config.RESET_WRITE_LEASE_SECONDS, config.JOB_LEASE_SECONDS, config.SWEEP_INTERVAL_SECONDS]).toEqual([
      60, 60, 10,
    ]);
    expect(unsafeLeaseSettings(config)).toEqual([]);
  });

  it('are read from the environment and reach the reset settings', () => {
    const config = loadConfig({
      RESET_WRITE_LEASE_SECONDS: '45',
      JOB_LEASE_SECONDS: '120',
      SWEEP_INTERVAL_SECONDS: '5',
    });
    expect(resetSettingsFrom(config).writeLeaseSeconds).toBe(45);
    expect(config.JOB_LEASE_SECONDS).toBe(120);
    expect(config.SWEEP_INTERVAL_SECONDS).toBe(5);
    expect(() => loadConfig({ JOB_LEASE_SECONDS: '0' })).toThrow(/^Invalid environment variable JOB_LEASE_SECONDS:/);
  });

  it('production refuses a write lease shorter than twice the Graph timeout, naming the variable', () => {
    expect(() => loadConfig({ ...production, RESET_WRITE_LEASE_SECONDS: '15' })).toThrow(
      /^Invalid environment variable RESET_WRITE_LEASE_SECONDS: must be at least 20 \(twice the directory's 10 s timeout\)/,
    );
    // Development may shorten it (tests, demos of the confirming page).
    expect(loadConfig({ RESET_WRITE_LEASE_SECONDS: '15' }).RESET_WRITE_LEASE_SECONDS).toBe(15);
  });

  it('counts the AD timeout when AD is configured', () => {
    const ad = { ...defaults, AD_URL: ['ldaps://dc1:636'], AD_TOTAL_TIMEOUT_MS: 40_000 };
    expect(unsafeLeaseSettings(ad).map((refusal) => refusal.variable)).toEqual([
      'RESET_WRITE_LEASE_SECONDS',
      'JOB_LEASE_SECONDS',
    ]);
    expect(unsafeLeaseSettings({ ...ad, RESET_WRITE_LEASE_SECONDS: 80, JOB_LEASE_SECONDS: 120 })).toEqual([]);
    // Without AD_URL its timeout does not matter.
    expect(unsafeLeaseSettings({ ...defaults, AD_TOTAL_TIMEOUT_MS: 40_000 })).toEqual([]);
  });

  it('production refuses a job lease shorter than three directory calls, and a sweep slower than a lease', () => {
    expect(() => loadConfig({ ...production, JOB_LEASE_SECONDS: '20' })).toThrow(
      /^Invalid environment variable JOB_LEASE_SECONDS: must be at least 30/,
    );
    expect(() => loadConfig({ ...production, SWEEP_INTERVAL_SECONDS: '90' })).toThrow(
      /^Invalid environment variable SWEEP_INTERVAL_SECONDS: must not exceed the shortest lease \(60 s\)/,
    );
  });

  it('GRAPH_TIMEOUT_MS is configuration: validated, counted in the leases, and production refuses nonsense', () => {
    expect(defaults.GRAPH_TIMEOUT_MS).toBe(10_000);
    expect(loadConfig({ GRAPH_TIMEOUT_MS: '25000' }).GRAPH_TIMEOUT_MS).toBe(25_000);
    for (const nonsense of ['abc', '-5', '0', '2.5', '999999'])
      expect(() => loadConfig({ GRAPH_TIMEOUT_MS: nonsense })).toThrow(
        /^Invalid environment variable GRAPH_TIMEOUT_MS:/,
      );
    // Development may shorten it (tests); production refuses a timeout that nearly every write would exceed.
    expect(loadConfig({ GRAPH_TIMEOUT_MS: '300' }).GRAPH_TIMEOUT_MS).toBe(300);
    expect(() => loadConfig({ ...production, GRAPH_TIMEOUT_MS: '300' })).toThrow(
      /^Invalid environment variable GRAPH_TIMEOUT_MS: must be at least 1000/,
    );
    // A longer Graph timeout needs longer leases: 40 s needs an 80 s write lease and a 120 s job lease.
    expect(() => loadConfig({ ...production, GRAPH_TIMEOUT_MS: '40000' })).toThrow(
      /^Invalid environment variable RESET_WRITE_LEASE_SECONDS: must be at least 80 \(twice the directory's 40 s timeout\)/,
    );
    const longer = { ...production, GRAPH_TIMEOUT_MS: '40000', RESET_WRITE_LEASE_SECONDS: '80' };
    expect(() => loadConfig({ ...longer, JOB_LEASE_SECONDS: '120' })).not.toThrow();
  });
});
