// The demo tenant reproduces the situation in which Microsoft's guidance says to create a dedicated policy
// (issue 2): an "MFA except on trusted networks" policy, then "Require MFA for the reset portal from any network".
import { describe, expect, it } from 'vitest';
import { buildComparisonMatrix } from './comparison-matrix';
import { compileTenant } from './compile-tenant';
import { parsePolicyExport, parseTenant, parseWhatIfRequest } from './parse-input';
import { findPolicyIssues } from './policy-findings';
import { evaluateSignInFlow } from './sign-in-flow';
import { standardSignInFlows } from './standard-flows';
import { evaluateWhatIf } from './what-if';

// JSON imports, not node:fs: lib/ stays free of I/O, tests included.
const fixtures = import.meta.glob(
  // The public baselines are UTF-16 files read through the CLI (cli/public-baselines.test.ts), not JSON modules.
  ['../../fixtures/**/*.json', '!../../fixtures/baselines/**'],
  { eager: true, import: 'default' },
);
const read = (path: string): unknown => {
  const value = fixtures[`../../fixtures/${path}`];
  if (value === undefined) throw new Error(`fixture ${path} not found`);
  return value;
};
const tenant = parseTenant(read('demo-tenant.json'), 'demo-tenant.json');
const compiled = compileTenant(tenant);
const resetAppId = 'a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d01';
const mfaExceptTrusted = 'c0a7e6f1-2b3d-4c5e-9f80-000000000001';
const dedicatedResetPolicy = 'c0a7e6f1-2b3d-4c5e-9f80-000000000002';
const withoutDedicated = compileTenant(tenant, {
  policies: tenant.conditionalAccessPolicies.filter((p) => p.id !== dedicatedResetPolicy),
});
const resetFrom = (user: string, ipAddress: string) =>
  parseWhatIfRequest(
    {
      signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', userId: user },
      signInContext: { '@odata.type': '#microsoft.graph.applicationContext', includeApplications: [resetAppId] },
      signInConditions: { ipAddress, clientAppType: 'browser', devicePlatform: 'windows' },
    },
    'request.json',
  );
const home = '192.0.2.44';
const office = '203.0.113.10';
const resultOf = (r: ReturnType<typeof evaluateSignInFlow>, id: string) =>
  r.appliedPolicies.find((p) => p.id === id)?.result;

describe('demo tenant', () => {
  it('uses the agreed tenant, apps and users', () => {
    expect(tenant.tenantId).toBe('8c3f1e0a-5b7d-4c2e-9a61-3d4b2f7e1c90');
    expect(tenant.applications.map((a) => a.appId)).toEqual(
      expect.arrayContaining([
        resetAppId,
        'a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d02',
        '00000002-0000-0ff1-ce00-000000000000',
      ]),
    );
    expect(tenant.users).toHaveLength(12);
  });

  it('password + Authenticator push satisfies the MFA strength but not Passwordless MFA', () => {
    const result = evaluateSignInFlow(compiled, resetFrom('adele.vance@contoso.test', home), {
      methods: ['password', 'microsoftAuthenticatorPush'],
    });
    expect(resultOf(result, mfaExceptTrusted)).toBe('success');
    expect(resultOf(result, dedicatedResetPolicy)).toBe('failure');
    expect(result.outcome).not.toBe('granted');
    expect(result.missing.map((m) => m.authenticationStrength?.displayName)).toEqual(['Passwordless MFA']);
  });

  it('the passwordless flow satisfies both', () => {
    const result = evaluateSignInFlow(compiled, resetFrom('pradeep.gupta@contoso.test', home), {
      methods: ['deviceBasedPush'],
    });
    expect(result.outcome).toBe('granted');
    expect(resultOf(result, mfaExceptTrusted)).toBe('success');
    expect(resultOf(result, dedicatedResetPolicy)).toBe('success');
  });

  it('without the dedicated policy the trusted-network exemption leaves the reset portal without MFA', () => {
    const whatIf = evaluateWhatIf(withoutDedicated, resetFrom('adele.vance@contoso.test', office)).value.find(
      (p) => p.id === mfaExceptTrusted,
    );
    expect(whatIf?.policyApplies).toBe(false);
    expect(whatIf?.analysisReasons).toBe('location');
    expect(
      evaluateSignInFlow(withoutDedicated, resetFrom('adele.vance@contoso.test', office), { methods: ['password'] })
        .outcome,
    ).toBe('granted');
    const finding = findPolicyIssues(withoutDedicated).find((f) => f.code === 'trustedNetworkMfaExemption');
    expect(finding?.severity).toBe('high');
    expect(finding?.policyIds).toEqual([mfaExceptTrusted]);
    expect(finding?.applicationIds).toEqual([resetAppId]);
    expect(finding?.userIds).toContain('5d1e7a30-6c2b-4f8e-9a4d-000000000001');
  });

  it('with the dedicated policy a password alone is no longer enough on the trusted network, and the finding is gone', () => {
    expect(
      evaluateSignInFlow(compiled, resetFrom('adele.vance@contoso.test', office), { methods: ['password'] }).outcome,
    ).not.toBe('granted');
    expect(findPolicyIssues(compiled).some((f) => f.code === 'trustedNetworkMfaExemption')).toBe(false);
  });

  it('a user with only password + push who forgot the password cannot reset through Entra at all', () => {
    const matrix = buildComparisonMatrix(compiled, resetFrom('adele.vance@contoso.test', home));
    const forgotten = matrix.scenarios.flatMap((s, i) => (s.passwordForgotten ? [i] : []));
    expect(forgotten).toHaveLength(2);
    for (const row of matrix.rows) for (const i of forgotten) expect(row.cells[i]?.outcome).toBe('unavailable');
    for (const flow of standardSignInFlows) {
      expect(
        evaluateSignInFlow(compiled, resetFrom('adele.vance@contoso.test', home), {
          methods: flow.methods,
          passwordForgotten: true,
        }).outcome,
      ).toBe('unavailable');
    }
  });

  it('a passwordless user who forgot the password still gets in with phone sign-in', () => {
    expect(
      evaluateSignInFlow(compiled, resetFrom('pradeep.gupta@contoso.test', home), {
        methods: ['deviceBasedPush'],
        passwordForgotten: true,
      }).outcome,
    ).toBe('granted');
  });

  it('legacy authentication is blocked by policy', () => {
    const request = parseWhatIfRequest(read('requests/nestor-legacy-imap.json'), 'nestor-legacy-imap.json');
    expect(evaluateSignInFlow(compiled, request, { methods: ['password'] }).outcome).toBe('blocked');
  });

  it('the Graph export of the same policies loads without edits and evaluates identically', () => {
    const exported = parsePolicyExport(read('demo-policies-export.json'), 'demo-policies-export.json');
    expect(exported).toHaveLength(tenant.conditionalAccessPolicies.length);
    expect(exported[0]).toHaveProperty('futurePolicyFlag');
    const fromExport = compileTenant(tenant, { policies: exported });
    const req = resetFrom('adele.vance@contoso.test', home);
    const strip = (v: { id: string; policyApplies: boolean; analysisReasons: string }[]) =>
      v.map(({ id, policyApplies, analysisReasons }) => ({ id, policyApplies, analysisReasons }));
    expect(strip(evaluateWhatIf(fromExport, req).value)).toEqual(strip(evaluateWhatIf(compiled, req).value));
  });

  it('every sample request parses and evaluates', () => {
    for (const name of [
      'adele-reset-portal-home-network',
      'adele-reset-portal-trusted-network',
      'pradeep-reset-portal-home-network',
      'lynne-portal-trusted-network',
      'isaiah-exchange-online-ipv6-trusted',
      'nestor-legacy-imap',
      'alex-guest-portal',
      'megan-register-security-info',
    ]) {
      const request = parseWhatIfRequest(read(`requests/${name}.json`), `${name}.json`);
      expect(evaluateWhatIf(compiled, request).value).toHaveLength(tenant.conditionalAccessPolicies.length);
    }
  });
});
