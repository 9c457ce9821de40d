// Production stops at boot on an unsafe configuration (issue 11, finding 1): the real portal server and the
// real mock Entra are spawned, and must exit non-zero with one line naming the variable, before listening.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = path.join(process.cwd(), 'node_modules/.bin/tsx');
// Without the caller's own settings: only what each case passes (plus PATH to find node).
const baseEnv = { PATH: process.env.PATH ?? '', PORT: '3119' };

function boot(script: string, env: { NODE_ENV: NodeJS.ProcessEnv['NODE_ENV'] } & Record<string, string>) {
  const result = spawnSync(tsx, [script], { env: { ...baseEnv, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderrLines: result.stderr.trim().split('\n') };
}

describe('production stops at boot on unsafe configuration', () => {
  it('the portal server exits 1 without AUTH_SECRET, before listening, naming the variable in one line', () => {
    const { status, stdout, stderrLines } = boot('scripts/portal-server.ts', { NODE_ENV: 'production' });
    expect(status).toBe(1);
    expect(stdout).not.toMatch(/listening|ready/i);
    expect(stderrLines).toEqual([expect.stringMatching(/^\[verity\] Invalid environment variable AUTH_SECRET: /)]);
  });

  it('the portal server runs a build as production whatever NODE_ENV says, and refuses the e2e secret', () => {
    const { status, stdout, stderrLines } = boot('scripts/portal-server.ts', {
      NODE_ENV: 'development',
      AUTH_SECRET: 'e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz',
    });
    expect(status).toBe(1);
    expect(stdout).not.toMatch(/listening/i);
    expect(stderrLines).toEqual([
      expect.stringMatching(/^\[verity\] Invalid environment variable AUTH_SECRET: .*published in the repository/),
    ]);
  });

  it('the mock Entra refuses to start with NODE_ENV=production', () => {
    const { status, stdout, stderrLines } = boot('mock-idp/main.ts', { NODE_ENV: 'production', MOCK_IDP_PORT: '0' });
    expect(status).toBe(1);
    expect(stdout).not.toMatch(/listening/i);
    expect(stderrLines).toEqual([expect.stringMatching(/^mock-idp: .*refuses to start with NODE_ENV=production/)]);
  });
});
