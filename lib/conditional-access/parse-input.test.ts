// Malformed input gives one clear line naming the file and the JSON path, never a crash or a hang.
import { describe, expect, it } from 'vitest';
import { AppError, isAppError } from '../app-error';
import {
  parseAuthenticationStrengthExport,
  parseJsonDocument,
  parseNamedLocationExport,
  parsePolicyExport,
  parseTenant,
  parseWhatIfRequest,
} from './parse-input';
import { policy, rawTenant } from './test-tenant';

function inputError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected an INVALID_INPUT error');
}

describe('parsePolicyExport', () => {
  it('accepts a Graph {"value": [...]} export and a bare array, keeping unknown fields', () => {
    const p = { ...policy(), '@odata.etag': 'W/"1"', brandNewField: [1, 2] };
    expect(parsePolicyExport({ '@odata.context': 'x', value: [p] }, 'export.json')[0]).toMatchObject({
      id: 'p1',
      brandNewField: [1, 2],
    });
    expect(parsePolicyExport([p], 'export.json')).toHaveLength(1);
  });
  it('names the file and the path of a wrong type', () => {
    const error = inputError(() =>
      parsePolicyExport(
        { value: [policy(), policy({ conditions: { users: { includeUsers: 'All' } } })] },
        'policies.json',
      ),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details).toMatchObject({ source: 'policies.json', path: '$.value[1].conditions.users.includeUsers' });
    expect(error.message).toBe('policies.json $.value[1].conditions.users.includeUsers: expected array, got "All"');
  });
  it('rejects an unknown enum value with the allowed ones', () => {
    const error = inputError(() => parsePolicyExport([policy({ state: 'on' })], 'p.json'));
    expect(error.details.path).toBe('$[0].state');
    expect(error.message).toMatch(
      /"on" is not allowed here \(expected one of: enabled, disabled, enabledForReportingButNotEnforced\)/,
    );
    expect(
      inputError(() => parsePolicyExport([policy({ grantControls: { builtInControls: ['requireMagic'] } })], 'p.json'))
        .details.path,
    ).toBe('$[0].grantControls.builtInControls[0]');
  });
  it('rejects a device filter rule outside the supported syntax', () => {
    const error = inputError(() =>
      parsePolicyExport(
        [
          policy({
            conditions: {
              devices: { deviceFilter: { mode: 'include', rule: 'device.trustType -eq "AzureAD" -and (' } },
            },
          }),
        ],
        'p.json',
      ),
    );
    expect(error.details.path).toBe('$[0].conditions.devices.deviceFilter.rule');
  });
  it('rejects a document that is neither an export nor an array', () => {
    expect(inputError(() => parsePolicyExport({ policies: [] }, 'p.json')).message).toMatch(/expected a Graph export/);
    expect(inputError(() => parsePolicyExport('nope', 'p.json')).details.path).toBe('$');
  });
});

describe('parseNamedLocationExport', () => {
  it('loads IPv4/IPv6 and country locations', () => {
    const locations = parseNamedLocationExport({ value: rawTenant().namedLocations }, 'locations.json');
    expect(locations).toHaveLength(3);
  });
  it.each(['203.0.113.0/33', '203.0.113/24', '300.1.1.1/8', '2001:db8::/129', '2001:db8:::/48', '10.0.0.0', 'banana'])(
    'rejects the broken CIDR %s',
    (cidr) => {
      const location = {
        '@odata.type': '#microsoft.graph.ipNamedLocation',
        id: 'l',
        displayName: 'L',
        isTrusted: true,
        ipRanges: [{ cidrAddress: cidr }],
      };
      const error = inputError(() => parseNamedLocationExport([location], 'locations.json'));
      expect(error.details.path).toBe('$[0].ipRanges[0].cidrAddress');
      expect(error.message).toMatch(/not a valid CIDR range/);
    },
  );
  it('keeps an unknown location type (issue 15: kept, reported, never matched) but refuses one without an id', () => {
    const [kept] = parseNamedLocationExport(
      [{ '@odata.type': '#microsoft.graph.somethingNew', id: 'x', displayName: 'x' }],
      'l.json',
    );
    expect(kept?.['@odata.type']).toBe('#microsoft.graph.somethingNew');
    const error = inputError(() =>
      parseNamedLocationExport([{ '@odata.type': '#microsoft.graph.somethingNew', id: 5, displayName: 'x' }], 'l.json'),
    );
    expect(error.details.path).toMatch(/^\$\[0\]/);
  });
});

describe('parseTenant', () => {
  it('rejects an unknown authentication method mode where it is', () => {
    const raw = rawTenant();
    raw.users[2]!.authenticationMethods = ['password', 'carrierPigeon'];
    const error = inputError(() => parseTenant(raw, 'tenant.json'));
    expect(error.details.path).toBe('$.users[2].authenticationMethods[1]');
  });
  it('rejects duplicate UPNs regardless of case', () => {
    const raw = rawTenant();
    raw.users[1]!.userPrincipalName = 'MEMBER@contoso.test';
    expect(inputError(() => parseTenant(raw, 'tenant.json')).details.path).toBe('$.users[1].userPrincipalName');
  });
  it('handles a 10 MB document without trouble', () => {
    const raw = rawTenant();
    const users = Array.from({ length: 60_000 }, (_, i) => ({
      id: `bulk-${i}`,
      userPrincipalName: `bulk${i}@contoso.test`,
      displayName: `Bulk user number ${i} with a long display name`,
      authenticationMethods: ['password', 'microsoftAuthenticatorPush'],
      memberOf: ['g-child'],
    }));
    const text = JSON.stringify({ ...raw, users: [...raw.users, ...users] });
    expect(text.length).toBeGreaterThan(10_000_000);
    // The suite's per-test timeout (vitest.config.ts) is the "no hang" bound; lib/ reads no clock, tests included.
    expect(parseTenant(parseJsonDocument(text, 'big.json'), 'big.json').users).toHaveLength(60_006);
  });
  it('reports deeply nested JSON where an array of strings was expected, without a stack overflow', () => {
    let nested: unknown = 'x';
    for (let i = 0; i < 100_000; i++) nested = [nested];
    const raw = rawTenant();
    raw.users[0]!.memberOf = nested;
    const error = inputError(() => parseTenant(raw, 'tenant.json'));
    expect(error.details.path).toBe('$.users[0].memberOf[0]');
    const deepText = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(() => {
      try {
        parsePolicyExport(parseJsonDocument(deepText, 'deep.json'), 'deep.json');
      } catch (e) {
        if (!isAppError(e)) throw e;
      }
    }).not.toThrow();
  });
  it('reports a JSON syntax error as bad input naming the file', () => {
    expect(inputError(() => parseJsonDocument('{"value": [', 'broken.json')).message).toMatch(
      /^broken\.json: is not valid JSON/,
    );
  });
  it('fills Graph-like defaults for optional collections', () => {
    expect(parseTenant({ tenantId: 't', domain: 'd.test' }, 't.json')).toMatchObject({
      users: [],
      conditionalAccessPolicies: [],
    });
  });
});

describe('parseWhatIfRequest', () => {
  const base = {
    signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', userId: 'u' },
    signInContext: { '@odata.type': '#microsoft.graph.applicationContext', includeApplications: ['a'] },
  };
  it("accepts Graph's body with defaults", () => {
    expect(parseWhatIfRequest(base, 'r.json').signInConditions).toEqual({});
  });
  it('rejects a bad IP address, risk level and authentication context', () => {
    expect(
      inputError(() => parseWhatIfRequest({ ...base, signInConditions: { ipAddress: '999.1.1.1' } }, 'r.json')).details
        .path,
    ).toBe('$.signInConditions.ipAddress');
    expect(
      inputError(() => parseWhatIfRequest({ ...base, signInConditions: { signInRiskLevel: 'extreme' } }, 'r.json'))
        .details.path,
    ).toBe('$.signInConditions.signInRiskLevel');
    expect(
      inputError(() =>
        parseWhatIfRequest(
          {
            ...base,
            signInContext: { '@odata.type': '#microsoft.graph.authContext', authenticationContextValue: 'c100' },
          },
          'r.json',
        ),
      ).details.path,
    ).toBe('$.signInContext.authenticationContextValue');
  });
});

describe('parseAuthenticationStrengthExport', () => {
  it('loads custom strengths and rejects unknown modes in combinations', () => {
    expect(
      parseAuthenticationStrengthExport(
        { value: [{ id: 's', displayName: 'S', allowedCombinations: ['fido2', 'password,sms'] }] },
        's.json',
      ),
    ).toHaveLength(1);
    expect(
      inputError(() =>
        parseAuthenticationStrengthExport([{ id: 's', allowedCombinations: ['password,pigeon'] }], 's.json'),
      ).details.path,
    ).toBe('$[0].allowedCombinations[0]');
  });
});
