// Graph's What-If contract (conditionalaccessroot-evaluate, whatifanalysisresult).
import { describe, expect, it } from 'vitest';
import { isAppError } from '../app-error';
import { parseWhatIfRequest } from './parse-input';
import { policy, request, tenantWith } from './test-tenant';
import { evaluateWhatIf } from './what-if';

describe('evaluateWhatIf', () => {
  const t = tenantWith([
    policy({}, 'applies'),
    policy({ conditions: { users: { includeUsers: ['None'] } } }, 'skips'),
    policy({ unknownFutureField: { x: 1 } }, 'extra'),
  ]);

  it('returns every policy with its own fields, policyApplies and analysisReasons', () => {
    const { value } = evaluateWhatIf(t, request());
    expect(value.map((p) => [p.id, p.policyApplies, p.analysisReasons])).toEqual([
      ['applies', true, 'notSet'],
      ['skips', false, 'users'],
      ['extra', true, 'notSet'],
    ]);
    expect(value[0]).toMatchObject({
      displayName: 'Policy applies',
      state: 'enabled',
      grantControls: { builtInControls: ['mfa'] },
    });
    expect(value[2]).toHaveProperty('unknownFutureField', { x: 1 });
  });

  it('appliedPoliciesOnly keeps only the policies that apply', () => {
    const { value } = evaluateWhatIf(t, { ...request(), appliedPoliciesOnly: true });
    expect(value.map((p) => p.id)).toEqual(['applies', 'extra']);
  });

  it('explains the first unmet condition in a sentence', () => {
    const skipped = evaluateWhatIf(t, request()).value.find((p) => p.id === 'skips');
    expect(skipped?.explanation).toMatch(/not among the users/);
    const excluded = evaluateWhatIf(
      tenantWith([policy({ conditions: { users: { includeUsers: ['All'], excludeUsers: ['u-member'] } } })]),
      request(),
    ).value[0];
    expect(excluded?.explanation).toMatch(/excluded/);
    expect(JSON.parse(JSON.stringify(excluded)).explanation).toBe(excluded?.explanation);
  });

  it('an unknown user is bad input naming the JSON path', () => {
    try {
      evaluateWhatIf(t, request('nobody@contoso.test'));
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('INVALID_INPUT');
      expect(isAppError(error) && error.details.path).toBe('$.signInIdentity.userId');
    }
  });
});

describe('evaluateWhatIf on unparsed input', () => {
  it('accepts a raw Graph body without signInConditions (Graph defaults apply)', () => {
    const t = tenantWith([
      policy({ conditions: { clientAppTypes: ['exchangeActiveSync', 'other'] } }, 'legacy'),
      policy({}, 'modern'),
    ]);
    const raw = {
      signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', userId: 'u-member' },
      signInContext: {
        '@odata.type': '#microsoft.graph.applicationContext',
        includeApplications: ['11111111-0000-4000-8000-000000000001'],
      },
    };
    const byId = Object.fromEntries(
      evaluateWhatIf(t, parseWhatIfRequest(raw, 'raw-request.json')).value.map((p) => [p.id, p.analysisReasons]),
    );
    expect(byId).toEqual({ legacy: 'clientApps', modern: 'notSet' });
  });
});
