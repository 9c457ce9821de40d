// The authentication methods policy and --as-of on the command line (issue 15): a registered method the policy
// forbids is unavailable with its reason, and lint --as-of 2027-02-01 lists who loses MFA when SMS and voice retire.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import { z } from 'zod';

const dir = 'fixtures/authentication-methods';
const tenant = ['--tenant', `${dir}/tenant.json`];
const methodsPolicy = ['--authentication-methods-policy', `${dir}/authentication-methods-policy.json`];

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('verity-ca with an authentication methods policy', () => {
  it('FIDO2 enabled only for a pilot group: a passkey outside it is unavailable, with the reason', async () => {
    const args = ['flow', ...tenant, '--request', `${dir}/request-fay.json`, '--methods', 'fido2', '--json'];
    const withoutPolicy = z.object({ outcome: z.string() }).parse(JSON.parse((await run(args)).stdout));
    const withPolicy = z
      .object({ outcome: z.string(), reasons: z.array(z.object({ code: z.string(), message: z.string() })) })
      .parse(JSON.parse((await run([...args, ...methodsPolicy])).stdout));
    expect(withoutPolicy.outcome).toBe('granted');
    expect(withPolicy.outcome).toBe('unavailable');
    expect(withPolicy.reasons[0]).toMatchObject({ code: 'methodNotAllowed' });
  });

  it('--as-of 2027-02-01 retires SMS and voice: flows and lint say so', async () => {
    const args = [
      'flow',
      ...tenant,
      ...methodsPolicy,
      '--request',
      `${dir}/request-sam.json`,
      '--methods',
      'password,sms',
    ];
    expect((await run([...args, '--expect', 'granted'])).code).toBe(0);
    const retired = await run([...args, '--as-of', '2027-02-01', '--json']);
    expect(JSON.parse(retired.stdout)).toMatchObject({ outcome: 'unavailable' });
    const lint = await run(['lint', ...tenant, ...methodsPolicy, '--as-of', '2027-02-01', '--json']);
    expect(lint.stderr).toBe('');
    const { findings } = z
      .object({ findings: z.array(z.object({ code: z.string(), userIds: z.array(z.string()).optional() })) })
      .parse(JSON.parse(lint.stdout));
    // Sam (SMS only) and Olga (office phone, which the policy does not allow anyway) lose MFA; Pat keeps push.
    expect(findings.find((f) => f.code === 'methodRetirementLosesMfa')?.userIds).toEqual([
      'd2000000-0000-4000-8000-000000000001',
    ]);
    expect(findings.find((f) => f.code === 'methodRetirementKeepsMfa')?.userIds).toEqual([
      'd2000000-0000-4000-8000-000000000003',
    ]);
    // What Sam should register: FIDO2 is only for the pilot group and OATH is disabled, so Authenticator.
    const text = await run(['lint', ...tenant, ...methodsPolicy, '--as-of', '2027-02-01']);
    expect(text.stdout).toContain(
      'LOSES MFA on 2027-02-01: sam.sms@methods.test (sms, voice retired; register microsoftAuthenticatorPush)',
    );
  });

  it('refuses a date that is not YYYY-MM-DD or not a real day (exit 2)', async () => {
    for (const bad of ['2027-02-30', '1 Feb 2027', '2027-2-1']) {
      const result = await run(['lint', ...tenant, '--as-of', bad]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--as-of must be a date YYYY-MM-DD/);
    }
  });
});
