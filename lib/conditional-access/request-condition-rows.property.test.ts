// The cached rows of request-condition-rows.ts against the plain evaluation they replace: every policy's configured
// checks called one by one. Any sign-in, in any order, repeated (cache hits) or not, gives the same masks; What-If's
// analysis reasons are those masks plus the user targeting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSyntheticTenant } from '../../bench/synthetic-tenant';
import { compileTenant } from './compile-tenant';
import type { CompiledSignIn, CompiledTenant } from './compiled-model';
import { parseTenant, parseWhatIfRequest } from './parse-input';
import { evaluateRequestConditions, policyStatusMask } from './policy-applicability';
import { formatAnalysisReasons, reasonBit } from './analysis-reason';
import { compileSignInContext } from './sign-in-context';
import { userIncluded, userScopeAt } from './user-scope-matrix';
import { evaluateWhatIf } from './what-if';

const generated = generateSyntheticTenant({ users: 300, groups: 30, policies: 120, applications: 10 }, 4242);
const countryLocation = generated.namedLocations.at(-1)?.id ?? '';
const officeLocation = generated.namedLocations[3]?.id ?? '';
// Conditions the synthetic mix lacks: workload identities, service principal and insider risk, authentication
// flows, device states, a compliant network, user actions.
const extraPolicies = [
  {
    clientApplications: {
      includeServicePrincipals: ['sp-1', 'ServicePrincipalsInMyTenant'],
      excludeServicePrincipals: ['sp-2'],
    },
    servicePrincipalRiskLevels: ['high'],
  },
  { authenticationFlows: { transferMethods: 'deviceCodeFlow,authenticationTransfer' } },
  { insiderRiskLevels: 'elevated,moderate' },
  { devices: { excludeDevices: ['Compliant', 'DomainJoined'] } },
  { locations: { includeLocations: ['compliant-network'], excludeLocations: [] } },
  { locations: { includeLocations: ['AllTrusted', countryLocation], excludeLocations: [officeLocation] } },
].map((conditions, i) => ({
  id: `extra-${i}`,
  displayName: `Extra ${i}`,
  state: 'enabled',
  conditions: {
    users: { includeUsers: ['All'] },
    applications:
      i === 3 ? { includeUserActions: ['urn:user:registersecurityinfo'] } : { includeApplications: ['All'] },
    ...conditions,
  },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
}));
const tenant = compileTenant(
  parseTenant(
    {
      ...generated,
      namedLocations: [
        ...generated.namedLocations,
        {
          '@odata.type': '#microsoft.graph.compliantNetworkNamedLocation',
          id: 'compliant-network',
          displayName: 'GSA',
        },
      ],
      conditionalAccessPolicies: [...generated.conditionalAccessPolicies, ...extraPolicies],
    },
    'synthetic',
  ),
);

function plainMasks(compiled: CompiledTenant, signIn: CompiledSignIn): number[] {
  return compiled.policies.map((policy) => {
    const status = policyStatusMask(policy);
    if (status !== 0) return status;
    let mask = 0;
    for (const check of policy.requestChecks[signIn.contextKind])
      if (!check.isMet({ tenant: compiled, policy, signIn, userIndex: -1 })) mask |= check.bit;
    return mask;
  });
}

const appIds = generated.applications.map((a) => a.appId);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const requestArb = fc.record({
  identity: fc.oneof(
    fc.nat(generated.users.length - 1).map((u) => ({ userId: generated.users[u]?.id ?? '' })),
    fc.constantFrom('sp-1', 'sp-2', 'sp-3').map((id) => ({
      '@odata.type': '#microsoft.graph.servicePrincipalSignIn',
      servicePrincipalId: id,
    })),
  ),
  context: fc.oneof(
    fc.subarray([...appIds, 'not-in-tenant', 'Office365'], { minLength: 1, maxLength: 2 }).map((ids) => ({
      '@odata.type': '#microsoft.graph.applicationContext',
      includeApplications: ids,
    })),
    fc.constantFrom('registerSecurityInformation', 'registerOrJoinDevices').map((userAction) => ({
      '@odata.type': '#microsoft.graph.userActionContext',
      userAction,
    })),
    fc.integer({ min: 1, max: 6 }).map((n) => ({
      '@odata.type': '#microsoft.graph.authContext',
      authenticationContextValue: `c${n}`,
    })),
  ),
  conditions: fc.record({
    ipAddress: optional(fc.constantFrom('10.3.1.1', '198.51.5.9', '203.0.113.7', '2001:db8:3::1', '10.25.0.4')),
    country: optional(fc.constantFrom('US', 'GB', 'DE', 'KP', 'RU', 'BR')),
    isCompliantNetwork: optional(fc.boolean()),
    devicePlatform: optional(fc.constantFrom('android', 'iOS', 'windows', 'macOS', 'linux', 'all')),
    clientAppType: optional(
      fc.constantFrom('all', 'browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'easSupported', 'other'),
    ),
    signInRiskLevel: optional(fc.constantFrom('none', 'low', 'medium', 'high')),
    userRiskLevel: optional(fc.constantFrom('none', 'high')),
    servicePrincipalRiskLevel: optional(fc.constantFrom('none', 'high')),
    insiderRiskLevel: optional(fc.constantFrom('none', 'moderate', 'elevated')),
    authenticationFlow: optional(
      fc.constantFrom('none', 'deviceCodeFlow', 'authenticationTransfer').map((transferMethod) => ({ transferMethod })),
    ),
    deviceInfo: optional(
      fc.record({
        isCompliant: optional(fc.boolean()),
        trustType: optional(fc.constantFrom('AzureAD', 'ServerAD')),
        operatingSystem: optional(fc.constantFrom('Windows', 'iOS')),
        displayName: optional(fc.constantFrom('KIOSK-7', 'laptop')),
        model: optional(fc.constantFrom('Surface Pro', 'ThinkPad')),
      }),
    ),
  }),
});

const usersBit = reasonBit('users');

describe('request condition rows (cached per sign-in key)', () => {
  it('give the masks of every configured check called per policy, for any sign-in stream', () => {
    fc.assert(
      fc.property(fc.array(requestArb, { minLength: 1, maxLength: 12 }), (specs) => {
        // Each request twice and the stream twice: the second time every row comes from the cache.
        for (const spec of [...specs, ...specs]) {
          const request = parseWhatIfRequest(
            { signInIdentity: spec.identity, signInContext: spec.context, signInConditions: spec.conditions },
            'property',
          );
          const signIn = compileSignInContext(tenant, request);
          const expected = plainMasks(tenant, signIn);
          expect(Array.from(evaluateRequestConditions(tenant, signIn))).toEqual(expected);
          const isServicePrincipal = 'servicePrincipalId' in (request.signInIdentity ?? {});
          const userIndex = 'userId' in spec.identity ? (tenant.userIndexById.get(spec.identity.userId) ?? -1) : -1;
          const withUsers = tenant.policies.map((policy, p) => {
            const mask = expected[p] ?? 0;
            if (policyStatusMask(policy) !== 0) return mask;
            const isTargeted = isServicePrincipal
              ? policy.servicePrincipals !== null
              : userScopeAt(tenant.userScopes, userIndex, p) === userIncluded;
            return isTargeted ? mask : mask | usersBit;
          });
          expect(evaluateWhatIf(tenant, request).value.map((r) => r.analysisReasons)).toEqual(
            withUsers.map(formatAnalysisReasons),
          );
        }
      }),
      { numRuns: 150 },
    );
  });

  it('cover every kind of check: the tenant configures each condition somewhere', () => {
    const configured = new Set(
      tenant.policies.flatMap((p) => Object.values(p.requestChecks).flatMap((checks) => checks.map((c) => c.reason))),
    );
    expect([...configured].sort()).toEqual(
      [
        'application',
        'authenticationContext',
        'authenticationFlow',
        'clientApps',
        'devicePlatform',
        'devices',
        'insiderRisk',
        'location',
        'signInRisk',
        'userActions',
        'userRisk',
        'workloadIdentities',
      ].sort(),
    );
  });
});
