// The command line itself: help, and every usage mistake gives exit 2 and one line on stderr.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repositoryRoot, spawnVerityCa } from './spawn-verity-ca';

const tenant = 'fixtures/demo-tenant.json';
const request = 'fixtures/requests/adele-reset-portal-home-network.json';

function expectUsageError(args: string[], message: RegExp) {
  const run = spawnVerityCa(args);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^verity-ca: /);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('verity-ca usage', () => {
  it('prints help with exit 0', () => {
    for (const args of [['--help'], ['-h'], []]) {
      const run = spawnVerityCa(args);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/Usage: verity-ca COMMAND/);
      for (const command of ['what-if', 'flow', 'matrix', 'lint', 'blast-radius'])
        expect(run.stdout).toContain(command);
    }
  });

  it('runs as `npx verity-ca` from the repository (package.json "bin")', () => {
    const run = spawnSync('npx', ['--no-install', 'verity-ca', '--help'], { cwd: repositoryRoot, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Usage: verity-ca COMMAND/);
  });

  it('prints the help of one command', () => {
    const run = spawnVerityCa(['flow', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/--methods LIST/);
    expect(run.stdout).toMatch(/--password-forgotten/);
  });

  it('rejects an unknown command', () => {
    expectUsageError(['whatif', '--tenant', tenant], /unknown command "whatif"; expected one of what-if, flow/);
  });

  it('rejects an unknown flag', () => {
    expectUsageError(
      ['what-if', '--tenant', tenant, '--request', request, '--verbose'],
      /unknown option --verbose .*what-if --help/,
    );
  });

  it('rejects a flag that does not apply to the command', () => {
    expectUsageError(
      ['what-if', '--tenant', tenant, '--request', request, '--methods', 'password'],
      /--methods does not apply to what-if/,
    );
  });

  it('rejects a missing required flag or value', () => {
    expectUsageError(['what-if', '--tenant', tenant], /missing --request/);
    expectUsageError(['flow', '--tenant', tenant, '--request', request], /missing --methods/);
    expectUsageError(['what-if', '--request', request, '--tenant'], /--tenant needs a value/);
    expectUsageError(['what-if', '--tenant', '--json', '--request', request], /--tenant needs a value/);
  });

  it('rejects unknown or empty method names', () => {
    expectUsageError(
      ['flow', '--tenant', tenant, '--request', request, '--methods', 'password,pushNotification'],
      /--methods: "pushNotification" is not an authentication method mode/,
    );
    expectUsageError(
      ['flow', '--tenant', tenant, '--request', request, '--methods', 'password,,sms'],
      /--methods has an empty item/,
    );
  });

  it('rejects an unexpected positional argument', () => {
    expectUsageError(['lint', '--tenant', tenant, 'extra'], /unexpected argument "extra"/);
  });

  it('rejects a bad --max-input-mb', () => {
    expectUsageError(['lint', '--tenant', tenant, '--max-input-mb', 'lots'], /--max-input-mb must be a number/);
  });
});
