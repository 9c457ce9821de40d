// Malformed input never crashes the CLI: exit 2 and exactly one line on stderr naming the file and
// the JSON path at fault (issue 2, "Bad input").
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnVerityCa } from './spawn-verity-ca';
import { z } from 'zod';
import { isRecord } from '../lib/is-record';

const tenantFile = 'fixtures/demo-tenant.json';
const requestFile = 'fixtures/requests/adele-reset-portal-home-network.json';

type Json = Record<string, unknown>;
const jsonObject = z.record(z.string(), z.unknown());
let directory = '';
let demoTenant: Json;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'verity-ca-'));
  demoTenant = jsonObject.parse(JSON.parse(readFileSync(tenantFile, 'utf8')));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function writeInput(name: string, content: string | unknown): string {
  const file = join(directory, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

type PathSegment = string | number;

function valueAt(document: unknown, path: readonly PathSegment[]): unknown {
  let current = document;
  for (const segment of path)
    current = Array.isArray(current)
      ? current[Number(segment)]
      : isRecord(current)
        ? current[String(segment)]
        : undefined;
  return current;
}

/** A deep copy of a document with the value at one path replaced. */
function withValueAt(document: unknown, path: readonly PathSegment[], value: unknown): unknown {
  const copy = structuredClone(document);
  const parent = valueAt(copy, path.slice(0, -1));
  const last = path.at(-1);
  if (last === undefined) return value;
  if (Array.isArray(parent)) parent[Number(last)] = value;
  else if (isRecord(parent)) parent[String(last)] = value;
  else throw new Error(`withValueAt: nothing at ${path.slice(0, -1).join('.')}`);
  return copy;
}

function expectInputError(args: string[], file: string, path: string | undefined, message: RegExp) {
  const run = spawnVerityCa(args);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n'), run.stderr).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at |node:internal|\.ts:\d+/);
  expect(run.status, run.stderr).toBe(2);
  const where = path === undefined ? `verity-ca: ${file}: ` : `verity-ca: ${file} at ${path}: `;
  expect(run.stderr.startsWith(where), `${run.stderr} should start with ${where}`).toBe(true);
  expect(run.stderr).toMatch(message);
}

describe('verity-ca with bad input files', () => {
  it('names a missing file', () => {
    const missing = join(directory, 'no-such-tenant.json');
    expectInputError(['what-if', '--tenant', missing, '--request', requestFile], missing, undefined, /file not found/);
  });

  it('names a directory given as a file', () => {
    expectInputError(['lint', '--tenant', directory], directory, undefined, /is a directory/);
  });

  it('names the line, column and path of broken JSON', () => {
    const file = writeInput('broken.json', '{\n  "tenantId": "t",\n  "users": [ { "id": "u1", } ]\n}');
    expectInputError(
      ['lint', '--tenant', file],
      file,
      '$.users[0].id',
      /not valid JSON at line 3, column 28: .*property name/,
    );
  });

  it('rejects a file that is not JSON at all', () => {
    const file = writeInput('tenant.yaml', 'tenantId: 8c3f1e0a\nusers:\n  - id: u1\n');
    expectInputError(['lint', '--tenant', file], file, '$', /not valid JSON at line 1, column 1/);
  });

  it('rejects an empty file', () => {
    const file = writeInput('empty.json', '');
    expectInputError(['lint', '--tenant', file], file, '$', /unexpected end of input/);
  });

  it('rejects a 10 MB document before parsing it', () => {
    const file = writeInput('huge.json', JSON.stringify({ ...demoTenant, padding: 'x'.repeat(10 * 1024 * 1024) }));
    expectInputError(['lint', '--tenant', file], file, undefined, /larger than the 8\.0 MiB limit .*--max-input-mb/);
  });

  it('accepts a large document when --max-input-mb allows it', () => {
    const file = writeInput('large.json', JSON.stringify({ ...demoTenant, padding: 'x'.repeat(9 * 1024 * 1024) }));
    const run = spawnVerityCa(['lint', '--tenant', file, '--max-input-mb', '16', '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('rejects deeply nested JSON with the path where it gets too deep', () => {
    const depth = 100_000;
    const file = writeInput(
      'deep.json',
      `{"tenantId":"t","domain":"d","extra":${'['.repeat(depth)}${']'.repeat(depth)}}`,
    );
    expectInputError(['lint', '--tenant', file], file, `$.extra${'[0]'.repeat(63)}`, /nested deeper than 64 levels/);
  });

  it('rejects a wrong type with its path', () => {
    const file = writeInput('wrong-type.json', withValueAt(demoTenant, ['users', 1, 'displayName'], 42));
    expectInputError(['lint', '--tenant', file], file, '$.users[1].displayName', /expected string, got number 42/);
  });

  it('rejects a top-level array where the tenant object belongs', () => {
    const file = writeInput('array.json', [demoTenant]);
    expectInputError(['lint', '--tenant', file], file, '$', /expected object/);
  });

  it('rejects an unknown enum value with its path', () => {
    const file = writeInput(
      'unknown-state.json',
      withValueAt(demoTenant, ['conditionalAccessPolicies', 0, 'state'], 'on'),
    );
    expectInputError(
      ['lint', '--tenant', file],
      file,
      '$.conditionalAccessPolicies[0].state',
      /"on" is not allowed here .*enabled/,
    );
  });

  it('rejects an unknown authentication method mode registered on a user', () => {
    const index = z.array(z.unknown()).parse(valueAt(demoTenant, ['users', 0, 'authenticationMethods'])).length;
    const file = writeInput(
      'unknown-method.json',
      withValueAt(demoTenant, ['users', 0, 'authenticationMethods', index], 'pushNotification'),
    );
    expectInputError(
      ['lint', '--tenant', file],
      file,
      `$.users[0].authenticationMethods[${index}]`,
      /"pushNotification" is not allowed here/,
    );
  });

  it('rejects a broken CIDR in a named location', () => {
    const locations = z.array(jsonObject).parse(valueAt(demoTenant, ['namedLocations']));
    const index = locations.findIndex((location) => location['@odata.type'] === '#microsoft.graph.ipNamedLocation');
    const file = writeInput(
      'bad-cidr.json',
      withValueAt(demoTenant, ['namedLocations', index, 'ipRanges', 0, 'cidrAddress'], '10.0.0.0/33'),
    );
    expectInputError(
      ['lint', '--tenant', file],
      file,
      `$.namedLocations[${index}].ipRanges[0].cidrAddress`,
      /not a valid CIDR range/,
    );
  });

  it('rejects a bad named-location export given with --named-locations', () => {
    const file = writeInput('locations.json', {
      value: [
        {
          '@odata.type': '#microsoft.graph.ipNamedLocation',
          id: 'x',
          displayName: 'HQ',
          ipRanges: [{ cidrAddress: '300.1.2.3/8' }],
        },
      ],
    });
    expectInputError(
      ['what-if', '--tenant', tenantFile, '--request', requestFile, '--named-locations', file],
      file,
      '$.value[0].ipRanges[0].cidrAddress',
      /CIDR/,
    );
  });

  it('rejects a policy export that is neither {"value":[...]} nor an array', () => {
    const file = writeInput('policies.json', { policies: [] });
    expectInputError(
      ['what-if', '--tenant', tenantFile, '--request', requestFile, '--policies', file],
      file,
      '$',
      /Graph export/,
    );
  });

  it('rejects an unknown enum value in a policy export', () => {
    const policies = withValueAt(demoTenant.conditionalAccessPolicies, [1, 'conditions', 'clientAppTypes'], ['legacy']);
    const file = writeInput('policies-bad-enum.json', { '@odata.context': 'x', value: policies });
    expectInputError(
      ['what-if', '--tenant', tenantFile, '--request', requestFile, '--policies', file],
      file,
      '$.value[1].conditions.clientAppTypes[0]',
      /"legacy" is not allowed here/,
    );
  });

  it('rejects a What-If request with an unknown platform or a bad IP address', () => {
    const request = jsonObject.parse(JSON.parse(readFileSync(requestFile, 'utf8')));
    const platform = writeInput('request-platform.json', { ...request, signInConditions: { devicePlatform: 'amiga' } });
    expectInputError(
      ['what-if', '--tenant', tenantFile, '--request', platform],
      platform,
      '$.signInConditions.devicePlatform',
      /"amiga"/,
    );
    const address = writeInput('request-ip.json', { ...request, signInConditions: { ipAddress: '10.0.0.256' } });
    expectInputError(
      ['flow', '--tenant', tenantFile, '--request', address, '--methods', 'password'],
      address,
      '$.signInConditions.ipAddress',
      /not an IPv4 or IPv6 address/,
    );
  });

  it('rejects a request for a user the tenant does not have', () => {
    const request = jsonObject.parse(JSON.parse(readFileSync(requestFile, 'utf8')));
    const file = writeInput('request-stranger.json', {
      ...request,
      signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', userId: 'nobody@contoso.test' },
    });
    const run = spawnVerityCa(['flow', '--tenant', tenantFile, '--request', file, '--methods', 'password']);
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/nobody@contoso\.test/);
  });
});
