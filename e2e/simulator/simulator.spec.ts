// The Conditional Access simulator end to end, as issue 6's acceptance describes it: an administrator imports
// the demo tenant's Graph export, runs a What-If that matches the CLI, compares password + push with
// passwordless in the matrix, previews the dedicated reset-portal policy as a draft in the blast radius, and
// exports then re-imports the set. axe-core runs on every page.
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { z } from 'zod';
import { readJsonFile } from '../fixtures/json';
import { resetTenant } from '../fixtures/authenticator';
import { portalUrl, signInToPortal } from '../fixtures/portal';
import { requestFile, runVerityCa } from './simulator-cli';

test.describe.configure({ mode: 'serial' });

const resetAppId = 'a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d01';
const trustedLocationId = '7f3e2d1c-0b9a-4e8d-a7c6-000000000001';
const resetPortalPolicyId = 'c0a7e6f1-2b3d-4c5e-9f80-000000000002';
const setName = `Demo tenant ${Date.now()}`;
let setUrl = '';

async function expectNoAxeViolations(page: Page) {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
  await signInToPortal(page, 'patti.fernandez@contoso.test', '/admin/simulator');
});

test('import: a broken export is refused with its JSON path; the demo export becomes version 1', async ({ page }) => {
  await page.goto(`${portalUrl}/admin/simulator`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Conditional Access simulator');
  await expectNoAxeViolations(page);
  const form = page.getByRole('form', { name: 'Import a Graph export' });
  await form.getByLabel('Name of the policy set').fill(`${setName} broken`);
  await form
    .getByLabel('Conditional Access policies', { exact: true })
    .fill('{"value":[{"id":"p1","displayName":"x","state":"on"}]}');
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(form.getByRole('alert')).toContainText('$.value[0].state');
  await expectNoAxeViolations(page);

  await form.getByLabel('Name of the policy set').fill(setName);
  await form.getByLabel('Conditional Access policies', { exact: true }).fill('');
  await form
    .getByLabel('Or upload a JSON file (Conditional Access policies)')
    .setInputFiles('fixtures/demo-policies-export.json');
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(setName);
  await expect(page.getByText('Version 1 · 8 policies')).toBeVisible();
  await expect(page.getByRole('row', { name: /Block sign-ins from countries/ })).toContainText('Report-only');
  await expect(page.getByRole('row', { name: /compliant device for Exchange/ })).toContainText('Off');
  // The button-styled link is white on blue (the global link colour must not win over it).
  await expect(page.getByRole('link', { name: 'New policy' })).toHaveCSS('color', 'rgb(255, 255, 255)');
  setUrl = page.url();
  await expectNoAxeViolations(page);
});

test('What-If for Adele on the reset portal matches verity-ca what-if --json, and the URL reproduces it', async ({
  page,
  context,
}) => {
  await page.goto(`${setUrl}/what-if`);
  await expectNoAxeViolations(page);
  const form = page.getByRole('form', { name: 'What If sign-in' });
  await form.getByLabel('User', { exact: true }).fill('adele.vance@contoso.test');
  await form.getByLabel('Application', { exact: true }).selectOption(resetAppId);
  await form.getByLabel('IP address').fill('192.0.2.44');
  await form.getByLabel('Country (two letters)').fill('US');
  await form.getByLabel('Device platform').selectOption('windows');
  await form.getByLabel('Client app').selectOption('browser');
  await form.getByLabel('Sign-in risk').selectOption('none');
  await form.getByLabel('User risk').selectOption('none');
  await form.getByRole('button', { name: 'Run What If' }).click();
  await expect(page.getByTestId('what-if-table')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('user')).toBe('adele.vance@contoso.test');

  const whatIfSchema = z.object({
    value: z.array(z.looseObject({ id: z.string(), policyApplies: z.boolean(), analysisReasons: z.string() })),
  });
  const cli = runVerityCa(whatIfSchema, [
    'what-if',
    '--tenant',
    'fixtures/demo-tenant.json',
    '--request',
    'fixtures/requests/adele-reset-portal-home-network.json',
  ]);
  const rows = page.getByTestId('what-if-table').locator('tbody tr');
  await expect(rows).toHaveCount(cli.value.length);
  for (const policy of cli.value) {
    const row = page.locator(`tr[data-policy-id="${policy.id}"]`);
    await expect(row).toHaveAttribute('data-applies', String(policy.policyApplies));
    await expect(row).toHaveAttribute('data-analysis-reasons', policy.analysisReasons);
  }
  // The request the page evaluated is the CLI fixture's request.
  const shown: unknown = JSON.parse((await page.getByTestId('what-if-request').textContent()) ?? '{}');
  expect(shown).toEqual(JSON.parse(fs.readFileSync('fixtures/requests/adele-reset-portal-home-network.json', 'utf8')));
  await expect(page.getByTestId('what-if-summary')).toContainText('Requires');
  await expectNoAxeViolations(page);

  // Shareable: the same URL in a fresh tab shows the same verdicts.
  const copy = await context.newPage();
  await copy.goto(page.url());
  for (const policy of cli.value)
    await expect(copy.locator(`tr[data-policy-id="${policy.id}"]`)).toHaveAttribute(
      'data-applies',
      String(policy.policyApplies),
    );
  await copy.close();

  // A named location stands for a sign-in from it: from the trusted HQ "MFA except on trusted networks" is excluded.
  await page.goto(`${setUrl}/what-if?user=adele.vance%40contoso.test&app=${resetAppId}&location=${trustedLocationId}`);
  await expect(page.locator('tr[data-policy-id="c0a7e6f1-2b3d-4c5e-9f80-000000000001"]')).toHaveAttribute(
    'data-analysis-reasons',
    'location',
  );
  // An edited URL gets a message naming the parameter.
  await page.goto(`${setUrl}/what-if?user=adele.vance%40contoso.test&ip=999.1.1.1`);
  await expect(page.locator('main').getByRole('alert')).toContainText('URL parameter "ip"');
});

test('matrix: password + push (Adele) against passwordless (Pradeep), same cells as verity-ca matrix', async ({
  page,
}) => {
  const matrixSchema = z.looseObject({
    scenarios: z.array(z.looseObject({ id: z.string() })),
    rows: z.array(
      z.looseObject({
        flow: z.looseObject({ id: z.string() }),
        cells: z.array(z.looseObject({ outcome: z.string() })),
      }),
    ),
  });
  // The fixture request, its members kept, with the user and conditions replaced below.
  const requestSchema = z.looseObject({
    signInIdentity: z.looseObject({ userId: z.string() }),
    signInConditions: z.record(z.string(), z.unknown()),
  });
  for (const upn of ['adele.vance@contoso.test', 'pradeep.gupta@contoso.test']) {
    await page.goto(`${setUrl}/matrix?user=${encodeURIComponent(upn)}&app=${resetAppId}`);
    await expect(page.getByTestId('matrix')).toBeVisible();
    const body = readJsonFile(requestSchema, 'fixtures/requests/adele-reset-portal-home-network.json');
    body.signInIdentity.userId = upn;
    body.signInConditions = { clientAppType: 'browser' };
    const cli = runVerityCa(matrixSchema, [
      'matrix',
      '--tenant',
      'fixtures/demo-tenant.json',
      '--request',
      requestFile(body),
    ]);
    for (const row of cli.rows) {
      for (const [i, cell] of row.cells.entries()) {
        await expect(
          page.locator(`tr[data-flow="${row.flow.id}"] td[data-scenario="${cli.scenarios[i]?.id}"]`),
        ).toHaveAttribute('data-outcome', cell.outcome);
      }
    }
  }
  // The expected cells, spelled out: Pradeep resets with phone sign-in from anywhere; Adele cannot reset at all.
  const cell = (flow: string, scenario: string) =>
    page.locator(`tr[data-flow="${flow}"] td[data-scenario="${scenario}"]`);
  await expect(cell('authenticatorPasswordless', 'anyNetworkPasswordForgotten')).toHaveAttribute(
    'data-outcome',
    'granted',
  );
  await expect(cell('authenticatorPasswordless', 'anyNetworkPasswordForgotten')).toContainText('Granted');
  await page.goto(`${setUrl}/matrix?user=adele.vance%40contoso.test&app=${resetAppId}`);
  await expect(cell('passwordPush', 'anyNetwork')).toHaveAttribute('data-outcome', 'interrupted');
  await expect(cell('passwordPush', 'anyNetwork')).toContainText('Passwordless MFA');
  await expect(cell('passwordPush', 'anyNetworkPasswordForgotten')).toHaveAttribute('data-outcome', 'unavailable');
  await expect(page.locator('tbody td[data-outcome="granted"]')).toHaveCount(0);
  // Readable without colour: icon and text in every cell; the explanation one click away.
  await expect(cell('password', 'trustedNetwork')).toContainText('Interrupted');
  await cell('passwordPush', 'anyNetworkPasswordForgotten').getByText('Why?').click();
  await expect(cell('passwordPush', 'anyNetworkPasswordForgotten')).toContainText('forgotten the password');
  await expect(page.getByRole('heading', { name: 'Conditional Access runs after the first factor' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('findings are grouped by severity and link to the policies and the fix', async ({ page }) => {
  await page.goto(`${setUrl}/findings`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Findings');
  const high = page.getByRole('heading', { name: /^High/ });
  await expect(high).toBeVisible();
  await expect(page.locator('[data-finding]').first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test("editor: Entra's rule is enforced on save; deleting the reset-portal policy makes version 2", async ({ page }) => {
  await page.goto(`${setUrl}/policies/${resetPortalPolicyId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Require MFA for the reset portal');
  await expectNoAxeViolations(page);
  await page.getByLabel('Require multifactor authentication').check();
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.locator('main').getByRole('alert')).toContainText(
    '"mfa" and an authenticationStrength cannot be required by one policy',
  );
  await expect(page.locator('main').getByRole('alert')).toContainText('$.grantControls');
  await page.getByRole('button', { name: 'Delete this policy (new version)' }).click();
  await expect(page.locator('main').getByRole('status')).toHaveText('Saved as version 2.');
  await expect(page.getByText('Version 2 · 7 policies')).toBeVisible();
});

test('blast radius: adding the dedicated reset-portal policy as a draft changes who gets in from the office', async ({
  page,
}) => {
  await page.goto(`${setUrl}/blast-radius`);
  const form = page.getByRole('form', { name: 'Blast radius' });
  await form.getByLabel('Application', { exact: true }).selectOption(resetAppId);
  await form.getByLabel('Named location').selectOption(trustedLocationId);
  await form.getByRole('button', { name: 'Evaluate' }).click();
  await expect(page.getByTestId('blast-status')).toContainText('Done in');
  // Version 2 has no reset-portal policy: from the trusted network a password alone gets 9 of the 12 users in
  // (the guest and the two administrators still face their own MFA policies).
  const current = page.getByTestId('chart-current-table');
  await expect(current.locator('tr[data-flow="password"] td[data-outcome="granted"]')).toHaveText('9');
  await expectNoAxeViolations(page);

  await form.getByLabel('A draft change').check();
  await form.getByRole('button', { name: 'Use the recommended reset-portal policy' }).click();
  await expect(form.getByLabel('Draft policies (JSON)')).toHaveValue(
    /Passwordless MFA|00000000-0000-0000-0000-000000000003/,
  );
  await form.getByRole('button', { name: 'Evaluate' }).click();
  await expect(page.getByTestId('blast-status')).toContainText('Done in');
  const compared = page.getByTestId('chart-compared-table');
  // Everyone but the emergency access account now needs Passwordless MFA: a password alone no longer does it.
  await expect(compared.locator('tr[data-flow="password"] td[data-outcome="granted"]')).toHaveText('1');
  const diff = page.getByTestId('blast-diff');
  await expect(diff).toContainText('users change outcome');
  await expect(diff.locator('tr[data-flow="password"]')).toContainText('adele.vance@contoso.test');
  await expect(page.getByTestId('blast-heat-map')).toContainText('All Staff');
  await expect(page.getByRole('img', { name: /Outcomes with the change/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('export for create, then re-import: the same policies', async ({ page }) => {
  await page.goto(setUrl);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Policies (JSON)' }).click();
  const file = await (await download).path();
  const exported = readJsonFile(z.looseObject({ value: z.array(z.record(z.string(), z.unknown())) }), file);
  expect(exported.value).toHaveLength(7);
  for (const policy of exported.value)
    for (const key of ['id', 'createdDateTime', 'modifiedDateTime', 'templateId'])
      expect(policy).not.toHaveProperty(key);

  await page.goto(`${portalUrl}/admin/simulator`);
  const form = page.getByRole('form', { name: 'Import a Graph export' });
  await form.getByLabel('Name of the policy set').fill(`${setName} re-imported`);
  await form.getByLabel('Or upload a JSON file (Conditional Access policies)').setInputFiles(file);
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Version 1 · 7 policies')).toBeVisible();
  const reimportedSet = new URL(page.url()).pathname.split('/').at(-1);
  const again = await page.request.get(
    `${portalUrl}/api/admin/simulator/policy-sets/${reimportedSet}/export?kind=policies`,
  );
  expect(await again.json()).toEqual(exported);
});

test("fetch the live policies from Graph (the mock Entra) with the portal app's client credentials", async ({
  page,
}) => {
  await page.goto(`${portalUrl}/admin/simulator`);
  const form = page.getByRole('form', { name: 'Fetch from Microsoft Graph' });
  await form.getByLabel('Name of the policy set').fill(`${setName} from Graph`);
  await form.getByRole('button', { name: 'Fetch from Graph' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${setName} from Graph`);
  await expect(page.getByText('Version 1 · 8 policies')).toBeVisible();
  // Named locations came along: the export lists the tenant's three.
  const setId = new URL(page.url()).pathname.split('/').at(-1);
  const exportedLocations = await page.request.get(
    `${portalUrl}/api/admin/simulator/policy-sets/${setId}/export?kind=namedLocations`,
  );
  const locations = z
    .object({ value: z.array(z.looseObject({ displayName: z.string() })) })
    .parse(await exportedLocations.json());
  expect(locations.value.map((l) => l.displayName)).toContain('Contoso HQ');
});
