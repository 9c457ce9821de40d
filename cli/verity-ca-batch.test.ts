// Batch mode (issue 15, "The command line in pipelines"): one process answers many What-If requests,
// one JSON line per request, from a directory or from NDJSON on stdin, and a bad request is reported
// on its own line without stopping the others.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnVerityCa, spawnVerityCaJson } from './spawn-verity-ca';
import { z } from 'zod';

const tenant = ['--tenant', 'fixtures/demo-tenant.json'];
const requestFiles = readdirSync('fixtures/requests')
  .filter((name) => name.endsWith('.json'))
  .sort();
const lines = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((line) => z.record(z.string(), z.unknown()).parse(JSON.parse(line)));

describe('verity-ca batch mode', () => {
  it('--requests DIR prints one line per request file, each equal to the single-request --json answer', () => {
    const run = spawnVerityCa(['what-if', ...tenant, '--requests', 'fixtures/requests']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const answers = lines(run.stdout);
    expect(answers.map((answer) => answer.request)).toEqual(requestFiles.map((name) => `fixtures/requests/${name}`));
    for (const name of requestFiles.slice(0, 3)) {
      const single = spawnVerityCaJson(['what-if', ...tenant, '--request', `fixtures/requests/${name}`]);
      expect(answers.find((answer) => answer.request === `fixtures/requests/${name}`)?.result).toEqual(single);
    }
  });

  it('NDJSON on stdin: one line per request, a bad line reported in place, exit 2 after answering the rest', () => {
    const adele = JSON.stringify(
      JSON.parse(readFileSync('fixtures/requests/adele-reset-portal-home-network.json', 'utf8')),
    );
    const pradeep = JSON.stringify(
      JSON.parse(readFileSync('fixtures/requests/pradeep-reset-portal-home-network.json', 'utf8')),
    );
    const input = [adele, '', '{"signInIdentity": 1}', 'not json', pradeep].join('\n');
    const run = spawnVerityCa(['flow', ...tenant, '--methods', 'deviceBasedPush', '--requests', '-'], undefined, {
      input,
    });
    expect(run.status).toBe(2);
    const answers = lines(run.stdout);
    expect(answers.map((answer) => answer.request)).toEqual(['stdin:1', 'stdin:3', 'stdin:4', 'stdin:5']);
    expect(answers[0]?.result).toMatchObject({ outcome: expect.any(String) });
    expect(answers[1]?.error).toMatchObject({ path: expect.stringMatching(/^\$/) });
    expect(answers[2]?.error).toMatchObject({ message: expect.stringMatching(/not valid JSON/) });
    expect(answers[3]?.result).toMatchObject({ outcome: 'granted' });
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/5 requests|4 requests/);
  });

  it('a failed policy test in a batch marks that line and exits 1', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'verity-batch-'));
    for (const name of ['adele-reset-portal-home-network.json', 'pradeep-reset-portal-home-network.json']) {
      writeFileSync(path.join(directory, name), readFileSync(path.join('fixtures/requests', name)));
    }
    const run = spawnVerityCa([
      'flow',
      ...tenant,
      '--methods',
      'deviceBasedPush',
      '--expect',
      'granted',
      '--requests',
      directory,
    ]);
    const answers = lines(run.stdout);
    expect(answers).toHaveLength(2);
    const failing = answers.filter((answer) => answer.failure !== undefined);
    expect(failing.length).toBeGreaterThan(0);
    expect(run.status).toBe(failing.length === 0 ? 0 : 1);
  });

  it('--request and --requests together, or --requests on a non-directory, are usage/input errors (exit 2)', () => {
    const both = spawnVerityCa([
      'what-if',
      ...tenant,
      '--request',
      'fixtures/requests/alex-guest-portal.json',
      '--requests',
      'fixtures/requests',
    ]);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/not both/);
    const notDirectory = spawnVerityCa(['what-if', ...tenant, '--requests', 'fixtures/demo-tenant.json']);
    expect(notDirectory.status).toBe(2);
    expect(notDirectory.stderr).toMatch(/^verity-ca: fixtures\/demo-tenant\.json: is not a directory/);
    expect(notDirectory.stdout).toBe('');
  });
});

describe('the compiled verity-ca', () => {
  it('runs the bundle when it is fresh, and the TypeScript sources give the same answer', () => {
    const args = [
      'what-if',
      ...tenant,
      '--request',
      'fixtures/requests/adele-reset-portal-home-network.json',
      '--json',
    ];
    const compiled = spawnVerityCa(args);
    expect(compiled.stderr).toBe('');
    const fromSource = spawnVerityCa(args, undefined, { env: { VERITY_CA_FROM_SOURCE: '1' } });
    expect(fromSource.status).toBe(0);
    expect(JSON.parse(fromSource.stdout)).toEqual(JSON.parse(compiled.stdout));
  });
});
