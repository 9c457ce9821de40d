// Every command on the demo tenant, through the real launcher: the JSON shapes scripts rely on
// (issue 2, "command-line tool") and the outcomes the demo exists to show.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { spawnVerityCa, spawnVerityCaJson } from './spawn-verity-ca';

const record = z.record(z.string(), z.unknown());
const counts = z.record(z.string(), z.number());

const tenant = ['--tenant', 'fixtures/demo-tenant.json'];
const adeleHome = ['--request', 'fixtures/requests/adele-reset-portal-home-network.json'];
const pradeepHome = ['--request', 'fixtures/requests/pradeep-reset-portal-home-network.json'];
const outcomes = ['granted', 'interrupted', 'blocked', 'unavailable'];

describe('verity-ca commands on the demo tenant', () => {
  it('what-if prints Graph-shaped {"value": [...]}', () => {
    const result = spawnVerityCaJson(['what-if', ...tenant, ...adeleHome], z.object({ value: z.array(record) }));
    expect(result.value.length).toBeGreaterThan(0);
    for (const policy of result.value) {
      expect(policy).toMatchObject({
        id: expect.any(String),
        displayName: expect.any(String),
        state: expect.any(String),
        policyApplies: expect.any(Boolean),
      });
      expect(policy.analysisReasons).toMatch(policy.policyApplies ? /^notSet$/ : /^[a-zA-Z]+(,[a-zA-Z]+)*$/);
    }
    expect(
      result.value.find((policy) => policy.displayName === 'Require MFA for the reset portal from any network')
        ?.policyApplies,
    ).toBe(true);
  });

  it('what-if prints a table by default', () => {
    const run = spawnVerityCa(['what-if', ...tenant, ...adeleHome]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Policy\s+State\s+Applies/);
    expect(run.stdout).toMatch(/\d+ of \d+ policies apply\./);
  });

  it("flow: password + push meets MFA but not the reset portal's Passwordless MFA", () => {
    const result = spawnVerityCaJson([
      'flow',
      ...tenant,
      ...adeleHome,
      '--methods',
      'password,microsoftAuthenticatorPush',
    ]);
    expect(result).toMatchObject({
      outcome: 'interrupted',
      reasons: expect.any(Array),
      appliedPolicies: expect.any(Array),
      missing: expect.any(Array),
      satisfiableWith: expect.any(Array),
    });
    const { missing, appliedPolicies } = z
      .object({
        missing: z.array(z.object({ authenticationStrength: z.object({ displayName: z.string() }).optional() })),
        appliedPolicies: z.array(record),
      })
      .parse(result);
    expect(missing.map((item) => item.authenticationStrength?.displayName)).toContain('Passwordless MFA');
    for (const policy of appliedPolicies) {
      expect(policy).toMatchObject({
        id: expect.any(String),
        displayName: expect.any(String),
        result: expect.any(String),
      });
    }
  });

  it('flow: Authenticator passwordless is granted, and --expect turns it into a policy test', () => {
    const granted = spawnVerityCaJson(
      ['flow', ...tenant, ...pradeepHome, '--methods', 'deviceBasedPush'],
      z.object({ outcome: z.string() }),
    );
    expect(granted.outcome).toBe('granted');
    expect(
      spawnVerityCa(['flow', ...tenant, ...pradeepHome, '--methods', 'deviceBasedPush', '--expect', 'granted']).status,
    ).toBe(0);
    const failing = spawnVerityCa([
      'flow',
      ...tenant,
      ...adeleHome,
      '--methods',
      'password,microsoftAuthenticatorPush',
      '--expect',
      'granted',
    ]);
    expect(failing.status).toBe(1);
    expect(failing.stderr).toBe(
      'verity-ca: policy test failed: expected granted, got interrupted for adele.vance@contoso.test with password + microsoftAuthenticatorPush\n',
    );
  });

  it('flow: a forgotten password makes every flow with a password unavailable', () => {
    const result = spawnVerityCaJson(
      ['flow', ...tenant, ...adeleHome, '--methods', 'password,microsoftAuthenticatorPush', '--password-forgotten'],
      z.object({ outcome: z.string() }),
    );
    expect(result.outcome).toBe('unavailable');
  });

  it('matrix prints every standard flow against four scenarios', () => {
    const matrix = spawnVerityCaJson(
      ['matrix', ...tenant, ...adeleHome],
      z.object({
        userPrincipalName: z.string(),
        scenarios: z.array(z.object({ id: z.string() })),
        rows: z.array(
          z.object({
            flow: z.object({ id: z.string(), methods: z.array(z.string()) }),
            cells: z.array(z.object({ outcome: z.string(), summary: z.string() })),
          }),
        ),
      }),
    );
    expect(matrix.userPrincipalName).toBe('adele.vance@contoso.test');
    expect(matrix.scenarios.map((scenario) => scenario.id)).toEqual([
      'trustedNetwork',
      'trustedNetworkPasswordForgotten',
      'anyNetwork',
      'anyNetworkPasswordForgotten',
    ]);
    expect(matrix.rows).toHaveLength(7);
    for (const row of matrix.rows) {
      expect(row.cells).toHaveLength(4);
      for (const cell of row.cells) expect([...outcomes, 'notApplicable']).toContain(cell.outcome);
    }
    // Adele has only password + push: with the password forgotten, no flow lets her in.
    for (const row of matrix.rows) expect(row.cells[3]?.outcome).not.toBe('granted');
  });

  it('lint prints counts and findings, and --fail-on fails the step', () => {
    const lint = spawnVerityCaJson(['lint', ...tenant], z.object({ counts, findings: z.array(record) }));
    expect(Object.keys(lint.counts)).toEqual(['high', 'medium', 'low', 'info']);
    for (const finding of lint.findings) {
      expect(finding).toMatchObject({
        id: expect.any(String),
        severity: expect.any(String),
        code: expect.any(String),
        message: expect.any(String),
        recommendation: expect.any(String),
        policyIds: expect.any(Array),
      });
    }
    const total = Object.values(lint.counts).reduce((sum, count) => sum + count, 0);
    expect(total).toBe(lint.findings.length);
    const failing = spawnVerityCa(['lint', ...tenant, '--fail-on', 'info']);
    expect(failing.status).toBe(lint.findings.length > 0 ? 1 : 0);
  });

  it('blast-radius counts every user per flow and diffs two policy sets', () => {
    const radius = spawnVerityCaJson(
      [
        'blast-radius',
        ...tenant,
        ...adeleHome,
        '--flows',
        'passwordPush,fido2,password+sms',
        '--compare-policies',
        'fixtures/demo-policies-export.json',
      ],
      z.object({
        userCount: z.number(),
        flows: z.array(z.object({ flowId: z.string(), counts, users: z.record(z.string(), z.array(z.string())) })),
        comparison: z.object({
          policies: z.string(),
          changedUserCount: z.number(),
          flows: z.array(z.object({ flowId: z.string(), changes: z.array(z.unknown()) })),
        }),
      }),
    );
    expect(radius.flows.map((flow) => flow.flowId)).toEqual(['passwordPush', 'fido2', 'password+sms']);
    for (const flow of radius.flows) {
      expect(Object.keys(flow.counts)).toEqual(outcomes);
      expect(Object.values(flow.counts).reduce((sum, count) => sum + count, 0)).toBe(radius.userCount);
      for (const outcome of outcomes) expect(flow.users[outcome]).toHaveLength(flow.counts[outcome] ?? -1);
    }
    expect(radius.comparison).toMatchObject({
      policies: 'fixtures/demo-policies-export.json',
      changedUserCount: expect.any(Number),
    });
    expect(radius.comparison.flows).toHaveLength(3);
  });

  it('blast-radius rejects an unknown flow id', () => {
    const run = spawnVerityCa(['blast-radius', ...tenant, ...adeleHome, '--flows', 'carrierPigeon']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^verity-ca: --flows: "carrierPigeon" is not a standard flow/);
  });

  it('works from another working directory through npx-style absolute paths', () => {
    const run = spawnVerityCa(['lint', '--tenant', `${process.cwd()}/fixtures/demo-tenant.json`, '--json'], '/tmp');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
