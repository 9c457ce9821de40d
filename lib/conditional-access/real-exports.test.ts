// Issue 15, "Real exports": the shapes admins' exports really come in load, and the engine says what it did not
// evaluate instead of guessing silently.
import { describe, expect, it } from 'vitest';
import { compileTenant } from './compile-tenant';
import { buildComparisonMatrix } from './comparison-matrix';
import type { LoadWarning } from './export-shapes';
import { findOutOfScopePolicies, findPolicyIssues } from './policy-findings';
import { parseNamedLocationExport, parsePolicyExport, parseTenant } from './parse-input';
import { evaluateSignInFlow } from './sign-in-flow';
import { countryLocationId, parsedTenant, policy, rawTenant, request, tenantWith, testAppId } from './test-tenant';
import { evaluateWhatIf } from './what-if';

const compliantNetworkId = '3d46dbda-8382-466a-856d-eb00cbc6b910';
const betaNamedLocations = {
  '@odata.context': 'https://graph.microsoft.com/beta/$metadata#identity/conditionalAccess/namedLocations',
  value: [
    {
      '@odata.type': '#microsoft.graph.countryNamedLocation',
      id: countryLocationId,
      displayName: 'France',
      countriesAndRegions: ['FR'],
      includeUnknownCountriesAndRegions: false,
    },
    {
      '@odata.type': '#microsoft.graph.compliantNetworkNamedLocation',
      id: compliantNetworkId,
      displayName: 'All Compliant Network locations',
      compliantNetworkType: 'allTenantCompliantNetworks',
      isTrusted: true,
    },
    { '@odata.type': '#microsoft.graph.futureNamedLocation', id: 'future-1', displayName: 'Tomorrow', extra: 1 },
  ],
};
const blockOutsideCompliantNetwork = policy(
  {
    grantControls: { operator: 'OR', builtInControls: ['block'] },
    conditions: { locations: { includeLocations: ['All'], excludeLocations: [compliantNetworkId] } },
  },
  'gsa',
);

describe('named locations from a Graph beta export', () => {
  it('loads compliantNetworkNamedLocation and unknown types, warning about the unknown one', () => {
    const warnings: LoadWarning[] = [];
    const locations = parseNamedLocationExport(betaNamedLocations, 'beta-locations.json', warnings);
    expect(locations.map((l) => l['@odata.type'])).toEqual([
      '#microsoft.graph.countryNamedLocation',
      '#microsoft.graph.compliantNetworkNamedLocation',
      '#microsoft.graph.futureNamedLocation',
    ]);
    expect(locations[2]).toMatchObject({ extra: 1 });
    expect(warnings.map((w) => [w.code, w.path])).toEqual([['unknownNamedLocationType', '$.value[2]']]);
    expect(warnings[0]?.message).toContain('beta-locations.json');
  });

  it('still refuses a broken ip location instead of keeping it as an unknown type', () => {
    const broken = [
      {
        '@odata.type': '#microsoft.graph.ipNamedLocation',
        id: 'x',
        displayName: 'x',
        ipRanges: [{ cidrAddress: 'nope' }],
      },
    ];
    expect(() => parseNamedLocationExport(broken, 'broken.json')).toThrow(/\$\[0\]\.ipRanges\[0\]\.cidrAddress/);
  });

  it('matches the compliant network location only when the sign-in comes through Global Secure Access', () => {
    const locations = parseNamedLocationExport(betaNamedLocations, 'beta-locations.json');
    const tenant = tenantWith([blockOutsideCompliantNetwork], { namedLocations: locations });
    const applies = (conditions: Record<string, unknown>) =>
      evaluateWhatIf(tenant, request('u-member', conditions)).value[0]?.policyApplies;
    expect(applies({})).toBe(true);
    expect(applies({ isCompliantNetwork: true })).toBe(false);
    // isTrusted on the compliant network location counts for AllTrusted, like an IP location's.
    const trustedOnly = policy({ conditions: { locations: { includeLocations: ['AllTrusted'] } } }, 't');
    const trusted = tenantWith([trustedOnly], { namedLocations: locations });
    expect(evaluateWhatIf(trusted, request('u-member', { isCompliantNetwork: true })).value[0]?.policyApplies).toBe(
      true,
    );
  });

  it('never matches an unknown location type and reports the policy as not fully evaluated', () => {
    const locations = parseNamedLocationExport(betaNamedLocations, 'beta-locations.json');
    const namesFuture = policy({ conditions: { locations: { includeLocations: ['future-1'] } } }, 'future');
    const tenant = tenantWith([namesFuture], { namedLocations: locations });
    const [result] = evaluateWhatIf(tenant, request()).value;
    expect(result?.policyApplies).toBe(false);
    expect(result?.unevaluatedConditions).toEqual(['location']);
    const codes = findPolicyIssues(tenant).map((f) => f.code);
    expect(codes).toContain('unsupportedNamedLocation');
    expect(codes).toContain('conditionNotEvaluated');
  });
});

describe('policies targeting agent identities', () => {
  const agentPolicy = {
    id: 'agents',
    displayName: 'Block all agent identities',
    state: 'enabled',
    conditions: {
      users: { includeUsers: ['None'] },
      applications: { includeApplications: ['AllAgentIdResources'] },
      clientApplications: { includeServicePrincipals: [], includeAgentIdServicePrincipals: ['All'] },
      agentIdRiskLevels: 'high',
      clientAppTypes: ['all'],
    },
    grantControls: { operator: 'OR', builtInControls: ['block'] },
  };
  const agentUsers = {
    ...agentPolicy,
    id: 'agent-users',
    conditions: { ...agentPolicy.conditions, clientApplications: null, agents: { includeAgentUsers: ['All'] } },
  };

  it('are out of user sign-in scope, not "targets no one"', () => {
    const tenant = tenantWith([agentPolicy, agentUsers]);
    const codes = findPolicyIssues(tenant).map((f) => f.code);
    expect(codes).not.toContain('policyTargetsNoOne');
    expect(codes).not.toContain('conditionNotEvaluated');
    expect(findOutOfScopePolicies(tenant).map((p) => [p.policyId, p.scope])).toEqual([
      ['agents', 'agentIdentities'],
      ['agent-users', 'agentIdentities'],
    ]);
    const [result] = evaluateWhatIf(tenant, request()).value;
    expect(result).toMatchObject({ policyApplies: false, analysisReasons: 'users,application' });
    expect(result?.explanation).toMatch(/agent identities/);
  });

  it('a policy naming no one and no agent is still "targets no one"', () => {
    const none = policy({ conditions: { users: { includeUsers: ['None'] } } }, 'none');
    expect(findPolicyIssues(tenantWith([none])).map((f) => f.code)).toContain('policyTargetsNoOne');
  });
});

describe('conditions the engine does not evaluate', () => {
  const workingHoursBlock = policy(
    {
      grantControls: { operator: 'OR', builtInControls: ['block'] },
      conditions: {
        times: {
          includeDays: {
            timeZone: 'UTC',
            daysOfWeek: ['monday'],
            allDay: false,
            startTime: '09:00:00',
            endTime: '17:00:00',
          },
          includeAllTimes: false,
        },
      },
    },
    'hours',
  );

  it('names `time` (Graph analysis reason) in What-If, flows and lint', () => {
    const tenant = tenantWith([workingHoursBlock]);
    const [result] = evaluateWhatIf(tenant, request()).value;
    expect(result?.unevaluatedConditions).toEqual(['time']);
    expect(result?.explanation).toMatch(/not evaluated.*time/);
    const flow = evaluateSignInFlow(tenant, request(), { methods: ['password'] });
    expect(flow.outcome).toBe('blocked');
    expect(flow.reasons.map((r) => r.code)).toEqual(['blockedByPolicy', 'policyNotFullyEvaluated']);
    expect(flow.appliedPolicies[0]?.unevaluatedConditions).toEqual(['time']);
    expect(findPolicyIssues(tenant).find((f) => f.code === 'conditionNotEvaluated')?.message).toMatch(/time/);
  });

  it('reads `includeAllTimes: true` and null conditions as not configured', () => {
    const anyTime = policy({ conditions: { times: { includeAllTimes: true }, deviceStates: null } }, 'any');
    expect(evaluateWhatIf(tenantWith([anyTime]), request()).value[0]?.unevaluatedConditions).toEqual([]);
  });

  it('names an unknown future condition by its property', () => {
    const future = policy({ conditions: { someFutureCondition: { includeThings: ['x'] } } }, 'f');
    expect(evaluateWhatIf(tenantWith([future]), request()).value[0]?.unevaluatedConditions).toEqual([
      'someFutureCondition',
    ]);
  });
});

describe('sanitised and wrapped policy exports', () => {
  // A sanitised export: the policy without its id.
  const { id: _id, ...sanitised } = policy({}, 'x');

  it('generate a stable id from the content, with a warning naming file and index', () => {
    const warnings: LoadWarning[] = [];
    const first = parsePolicyExport({ value: [policy({}, 'kept'), sanitised] }, 'baseline.json', warnings);
    const again = parsePolicyExport([sanitised], 'other.json');
    expect(first[0]?.id).toBe('kept');
    expect(first[1]?.id).toMatch(/^generated-policy-[0-9a-f]{16}$/);
    expect(again[0]?.id).toBe(first[1]?.id);
    expect(warnings.map((w) => [w.code, w.source, w.path])).toEqual([['generatedId', 'baseline.json', '$.value[1]']]);
  });

  it('two identical sanitised policies get distinct ids', () => {
    const ids = parsePolicyExport([sanitised, sanitised], 'twice.json').map((p) => p.id);
    expect(new Set(ids).size).toBe(2);
  });

  it("unwrap PolicyConfig and take the wrapper's SourcePolicyId", () => {
    const warnings: LoadWarning[] = [];
    const wrapped = { ExportDate: '2026-01-28', SourcePolicyId: 'source-id', PolicyConfig: sanitised };
    const [loaded] = parsePolicyExport(wrapped, 'wrapped.json', warnings);
    expect(loaded?.id).toBe('source-id');
    expect(warnings.map((w) => [w.code, w.path])).toEqual([
      ['unwrappedExport', '$'],
      ['generatedId', '$.PolicyConfig'],
    ]);
  });

  it('load one policy per file (a single Graph entity)', () => {
    expect(parsePolicyExport(policy({}, 'single'), 'single.json').map((p) => p.id)).toEqual(['single']);
  });

  it('a tenant document with id-less policies loads too', () => {
    const warnings: LoadWarning[] = [];
    const tenant = parseTenant(rawTenant([sanitised]), 'tenant.json', warnings);
    expect(tenant.conditionalAccessPolicies[0]?.id).toMatch(/^generated-policy-/);
    expect(warnings[0]?.path).toBe('$.conditionalAccessPolicies[0]');
  });

  it('still refuses a policy that is wrong in another way, with its path', () => {
    const bad = { ...sanitised, state: 'on' };
    expect(() => parsePolicyExport([bad], 'bad.json')).toThrow(/bad\.json \$\[0\]\.state/);
  });
});

describe('comparison matrix keeps the request', () => {
  it('a country allow-list gives the same answer in the matrix as in `flow` with that request', () => {
    const allowFranceOnly = policy(
      {
        grantControls: { operator: 'OR', builtInControls: ['block'] },
        conditions: { locations: { includeLocations: ['All'], excludeLocations: [countryLocationId] } },
      },
      'countries',
    );
    const tenant = compileTenant(parsedTenant([allowFranceOnly]));
    const fromFrance = request('u-member', { country: 'FR' });
    const matrix = buildComparisonMatrix(tenant, fromFrance);
    const password = matrix.rows.find((r) => r.flow.id === 'password');
    const other = password?.cells[2];
    const flow = evaluateSignInFlow(
      tenant,
      {
        ...fromFrance,
        signInConditions: { ...fromFrance.signInConditions, ipAddress: matrix.scenarios[2]?.ipAddress },
      },
      { methods: ['password'] },
    );
    expect(other?.outcome).toBe(flow.outcome);
    expect(other?.outcome).toBe('granted');
    expect(evaluateSignInFlow(tenant, request('u-member', { country: 'US' }), { methods: ['password'] }).outcome).toBe(
      'blocked',
    );
    expect(testAppId).toBeTruthy();
  });
});
