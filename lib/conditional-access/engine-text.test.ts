// Issue 14: "no engine sentence reaches a French page untranslated". Every sentence the engine returns on the demo
// tenant (findings and fixes, What-If explanations, grant requirements, matrix summaries and reasons, flow reasons)
// carries a code with parameters; rendered with the French catalogue it resolves (no missing key, no unfilled
// placeholder) and differs from the English, and the English `message` the CLI prints is the same code rendered
// with the English catalogue.
import { describe, expect, it } from 'vitest';
import { catalogues } from '../i18n/catalogues';
import { translate, type Messages } from '../i18n/translate';
import { buildComparisonMatrix } from './comparison-matrix';
import { compileTenant } from './compile-tenant';
import { english, renderEngineText, type EngineText } from './engine-text';
import { evaluateGrantControls } from './evaluate-grant-controls';
import { parseTenant, parseWhatIfRequest } from './parse-input';
import { findPolicyIssues } from './policy-findings';
import { evaluateSignInFlow } from './sign-in-flow';
import { policy, tenantWith, testAppId } from './test-tenant';
import { evaluateWhatIf } from './what-if';

const fixtures = import.meta.glob(
  // The public baselines are UTF-16 files read through the CLI (cli/public-baselines.test.ts), not JSON modules.
  ['../../fixtures/**/*.json', '!../../fixtures/baselines/**'],
  { eager: true, import: 'default' },
);
const tenant = parseTenant(fixtures['../../fixtures/demo-tenant.json'], 'demo-tenant.json');
const requests = Object.entries(fixtures)
  .filter(([path]) => path.startsWith('../../fixtures/requests/'))
  .map(([path, json]) => parseWhatIfRequest(json, path));
const withoutDedicated = compileTenant(tenant, {
  policies: tenant.conditionalAccessPolicies.filter(
    (p) => p.displayName !== 'Require MFA for the reset portal from any network',
  ),
});
const compiled = compileTenant(tenant);

const french = (text: EngineText) => renderEngineText(text, (key, values) => translate(catalogues.fr, key, values));

type Said = { text: EngineText; message: string };
function engineSentences(): Said[] {
  const said: Said[] = [];
  for (const tenantCompiled of [compiled, withoutDedicated]) {
    for (const finding of findPolicyIssues(tenantCompiled)) {
      said.push({ text: finding.messageText, message: finding.message });
      said.push({ text: finding.recommendationText, message: finding.recommendation });
    }
    for (const request of requests) {
      for (const policy of evaluateWhatIf(tenantCompiled, request).value)
        said.push({ text: policy.explanationText, message: policy.explanation });
      const grant = evaluateGrantControls(tenantCompiled, request);
      grant.requirementTexts.forEach((text, i) => said.push({ text, message: grant.requirements[i] ?? '' }));
      if (request.signInIdentity === undefined) continue;
      const matrix = buildComparisonMatrix(tenantCompiled, request);
      for (const row of matrix.rows) {
        for (const cell of row.cells) {
          said.push({ text: cell.summaryText, message: cell.summary });
          for (const reason of cell.reasons) said.push({ text: reason.text, message: reason.message });
        }
      }
      for (const methods of [['password'], ['password', 'sms'], ['fido2', 'password']] as const) {
        const flow = evaluateSignInFlow(tenantCompiled, request, { methods, passwordForgotten: true });
        for (const reason of flow.reasons) said.push({ text: reason.text, message: reason.message });
        for (const remedy of flow.satisfiableWith) said.push({ text: remedy.text, message: remedy.message });
      }
    }
  }
  // Findings the demo tenant does not produce: a stale reference, a block on everyone, an invalid policy.
  const edge = tenantWith([
    policy({ conditions: { users: { includeUsers: ['u-gone'], includeGroups: ['g-gone'] } } }, 'stale'),
    policy(
      {
        conditions: { applications: { includeApplications: ['All'] } },
        grantControls: { builtInControls: ['block'] },
      },
      'block',
    ),
    policy({ grantControls: { authenticationStrength: { id: 'missing-strength' } } }, 'invalid'),
  ]);
  for (const finding of findPolicyIssues(edge, { sensitiveApplicationIds: [testAppId] })) {
    said.push({ text: finding.messageText, message: finding.message });
    said.push({ text: finding.recommendationText, message: finding.recommendation });
  }
  return said;
}

function leaves(tree: Messages, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[prefix + key, value]] : leaves(value, `${prefix}${key}.`),
  );
}

describe('engine sentences on French pages', () => {
  const said = engineSentences();

  it('covers the kinds of sentence the pages show', () => {
    const keys = new Set(said.map((s) => s.text.key.split('.')[0]));
    for (const kind of ['finding', 'explanation', 'requirement', 'flow', 'remedy', 'validity'])
      expect(keys).toContain(kind);
    expect(said.length).toBeGreaterThan(500);
  });

  it('every sentence the engine returns renders in French, fully, and differs from its English', () => {
    for (const { text, message } of said) {
      const fr = french(text);
      expect(fr, text.key).not.toMatch(/engine\.|\{\w+\}/);
      expect(fr, text.key).not.toBe(message);
    }
  });

  it('the English message the CLI prints is the same code rendered in English', () => {
    for (const { text, message } of said) expect(english(text)).toBe(message);
  });

  it('the French catalogue translates every engine sentence (only separators may be equal)', () => {
    const en = catalogues.en.engine;
    const fr = catalogues.fr.engine;
    if (typeof en !== 'object' || typeof fr !== 'object') throw new Error('engine catalogue missing');
    const frByKey = new Map(leaves(fr));
    for (const [key, value] of leaves(en)) {
      expect(frByKey.has(key), key).toBe(true);
      if (key === 'join.plus' || key === 'join.comma') continue;
      expect(frByKey.get(key), key).not.toBe(value);
    }
  });
});
