// Issue 15: the two public baselines load through verity-ca without any edit (UTF-16 files, one object per file,
// beta types, agent policies, sanitised and wrapped exports), and answers their authors document hold.
// Fixtures and provenance: fixtures/baselines/README.md.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import { z } from 'zod';

const base = 'fixtures/baselines';
const j0eyv = [
  '--tenant',
  `${base}/j0eyv-tenant.json`,
  '--policies',
  `${base}/j0eyv-ConditionalAccessBaseline/ConditionalAccess`,
  '--named-locations',
  `${base}/j0eyv-ConditionalAccessBaseline/NamedLocations`,
];
const shapes = [
  '--tenant',
  `${base}/j0eyv-tenant.json`,
  '--policies',
  `${base}/jhope188-shapes/policies`,
  '--named-locations',
  `${base}/jhope188-shapes/named-locations.json`,
];

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

async function json<T>(schema: z.ZodType<T>, args: string[]): Promise<{ value: T; stderr: string }> {
  const result = await run([...args, '--json']);
  if (result.code !== 0) throw new Error(`exit ${result.code}: ${result.stderr}`);
  return { value: schema.parse(JSON.parse(result.stdout)), stderr: result.stderr };
}

const whatIfSchema = z.object({
  value: z.array(
    z.object({ displayName: z.string(), policyApplies: z.boolean(), unevaluatedConditions: z.array(z.string()) }),
  ),
});
const flowSchema = z.object({
  outcome: z.string(),
  reasons: z.array(z.object({ code: z.string(), policyId: z.string().optional() })),
});
type WhatIf = z.infer<typeof whatIfSchema>;
const lintSchema = z.object({
  findings: z.array(z.object({ code: z.string(), policyIds: z.array(z.string()) })),
  outOfScope: z.array(z.object({ displayName: z.string() })),
});
const applying = (result: WhatIf): string[] =>
  result.value.filter((p) => p.policyApplies).map((p) => p.displayName.slice(0, 5));

describe('j0eyv/ConditionalAccessBaseline (MIT, commit 67c82f5)', () => {
  it('loads all 36 policies and 3 named locations unchanged, with no warning', async () => {
    const { value, stderr } = await json(whatIfSchema, [
      'what-if',
      ...j0eyv,
      '--request',
      `${base}/requests/megan-expenses-netherlands-ios.json`,
    ]);
    expect(value.value).toHaveLength(36);
    expect(stderr).toBe('');
  });

  // README, CA001: "blocks all countries ... except for the countries configured in the named location ALLOWED
  // COUNTRIES" (Belgium, Luxembourg and the Netherlands by default).
  it('CA001 blocks a sign-in from outside the allowed countries and not from the Netherlands', async () => {
    const fromUs = await json(whatIfSchema, [
      'what-if',
      ...j0eyv,
      '--request',
      `${base}/requests/megan-expenses-us-ios.json`,
    ]);
    const fromNl = await json(whatIfSchema, [
      'what-if',
      ...j0eyv,
      '--request',
      `${base}/requests/megan-expenses-netherlands-ios.json`,
    ]);
    expect(applying(fromUs.value)).toContain('CA001');
    expect(applying(fromNl.value)).not.toContain('CA001');
    const flow = await json(flowSchema, [
      'flow',
      ...j0eyv,
      '--request',
      `${base}/requests/megan-expenses-us-ios.json`,
      '--methods',
      'password,microsoftAuthenticatorPush',
    ]);
    expect(flow.value.outcome).toBe('blocked');
  });

  // README: "Do not forget to add your break the glass/emergency access accounts to the exclusion group ...
  // CA-BreakGlassAccounts - Exclude": its members are excluded from the country block.
  it('the break-glass group is excluded from CA001', async () => {
    const { value } = await json(whatIfSchema, [
      'what-if',
      ...j0eyv,
      '--request',
      `${base}/requests/breakglass-expenses-us.json`,
    ]);
    expect(applying(value)).not.toContain('CA001');
  });

  // README, CA000: "requires MFA for all cloud apps, from every platform".
  it('CA000/CA200 ask for MFA: password alone is interrupted, password + Authenticator push is granted', async () => {
    const request = ['--request', `${base}/requests/megan-expenses-netherlands-ios.json`];
    const password = await json(flowSchema, ['flow', ...j0eyv, ...request, '--methods', 'password']);
    const push = await json(flowSchema, [
      'flow',
      ...j0eyv,
      ...request,
      '--methods',
      'password,microsoftAuthenticatorPush',
    ]);
    expect(password.value.outcome).toBe('interrupted');
    expect(push.value.outcome).toBe('granted');
  });

  // README, CA002: "blocks legacy authentication for all users, to all cloud apps, from any platform".
  it('CA002 blocks Exchange ActiveSync', async () => {
    const flow = await json(flowSchema, [
      'flow',
      ...j0eyv,
      '--request',
      `${base}/requests/megan-exchange-activesync.json`,
      '--methods',
      'password',
    ]);
    expect(flow.value.outcome).toBe('blocked');
  });

  // README, CA204: "blocks unknown/unsupported device platforms for internals" (only Windows, macOS, Android, iOS).
  it('CA204 blocks Linux for internals', async () => {
    const { value } = await json(whatIfSchema, [
      'what-if',
      ...j0eyv,
      '--request',
      `${base}/requests/megan-expenses-netherlands-linux.json`,
    ]);
    expect(applying(value)).toContain('CA204');
  });

  // README, CA501-CA505: policies for agent identities and agent users.
  it('lint lists CA501-CA505 as out of user sign-in scope, never as "targets no one"', async () => {
    const { value } = await json(lintSchema, ['lint', ...j0eyv]);
    expect(value.outOfScope.map((p) => p.displayName.slice(0, 5))).toEqual([
      'CA501',
      'CA502',
      'CA503',
      'CA504',
      'CA505',
    ]);
    const noOne = value.findings.filter((f) => f.code === 'policyTargetsNoOne');
    expect(noOne.every((f) => !f.policyIds.some((id) => id.startsWith('b35f5bf5')))).toBe(true);
  });
});

describe('Jhope188/ConditionalAccessPolicies shapes (our own fixture: that repository has no licence)', () => {
  it('loads sanitised, one-per-file and PolicyConfig-wrapped policies with one warning per repair', async () => {
    const result = await run(['what-if', ...shapes, '--request', `${base}/requests/megan-expenses-us-ios.json`]);
    expect(result.code).toBe(0);
    const warnings = result.stderr.trim().split('\n');
    expect(warnings).toHaveLength(7);
    expect(warnings).toContain(
      `verity-ca: warning: ${base}/jhope188-shapes/policies/SHAPES_-_O365_-_BLOCK_-_Outside_working_hours.json $: read the policy under "PolicyConfig" (an export tool's wrapper).`,
    );
    expect(result.stdout).toMatch(/Not evaluated in "SHAPES - O365 - BLOCK - Outside working hours": time/);
  });

  it('gives the same generated ids on every run', async () => {
    const args = ['what-if', ...shapes, '--request', `${base}/requests/megan-expenses-us-ios.json`];
    const ids = async () =>
      (await json(z.object({ value: z.array(z.object({ id: z.string() })) }), args)).value.value.map((p) => p.id);
    const first = await ids();
    expect(first).toContain('c5000000-0000-4000-8000-000000000001');
    expect(await ids()).toEqual(first);
  });

  it('the country allow-list blocks outside US/CA, the agent policy is out of scope, the times policy is linted', async () => {
    const outside = await json(flowSchema, [
      'flow',
      ...shapes,
      '--request',
      `${base}/requests/megan-expenses-netherlands-ios.json`,
      '--methods',
      'password,microsoftAuthenticatorPush',
    ]);
    expect(outside.value.outcome).toBe('blocked');
    const { value } = await json(lintSchema, ['lint', ...shapes]);
    expect(value.outOfScope.map((p) => p.displayName)).toEqual(['SHAPES - AGENT - BLOCK - Non-approved agents']);
    expect(value.findings.map((f) => f.code)).toContain('conditionNotEvaluated');
    expect(value.findings.map((f) => f.code)).not.toContain('policyTargetsNoOne');
  });
});
