// Issue 5 refusals through the real portal: direct requests without a session, without the role, from
// another site; a wrong number and a denied push shown live; a supervisor's account refused.
import { expect, test } from '@playwright/test';
import { closePhone, resetTenant } from '../fixtures/authenticator';
import { readEmails } from '../fixtures/dev-sink';
import { portalUrl, signInToPortal } from '../fixtures/portal';
import { answerDeskPush, expectAccessible, lockOut } from './desk-fixtures';

const adele = 'adele.vance@contoso.test';
const routes = [
  '/api/desk/search',
  '/api/desk/cases',
  '/api/desk/cases/00000000-0000-4000-8000-000000000000/push',
  '/api/desk/cases/00000000-0000-4000-8000-000000000000/actions',
  '/api/desk/cases/00000000-0000-4000-8000-000000000000/approval',
];

// Several sign-ins and a second browser per test; the shared 2-core machine can be slow.
test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
});

test('direct POSTs without a session get 401, from another site 403, and with only the auditor role 403', async ({
  page,
  playwright,
}) => {
  const anonymous = await playwright.request.newContext();
  for (const route of routes) {
    const response = await anonymous.post(`${portalUrl}${route}`, {
      data: { query: 'pradeep', userId: 'x', action: 'unlock' },
      headers: { origin: portalUrl },
    });
    expect(response.status(), route).toBe(401);
  }
  await anonymous.dispose();

  await signInToPortal(page, 'patti.fernandez@contoso.test', '/desk');
  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
  await expectAccessible(page);
  for (const route of routes) {
    const response = await page.request.post(`${portalUrl}${route}`, {
      data: { query: 'pradeep', userId: '5d1e7a30-6c2b-4f8e-9a4d-000000000002', action: 'unlock' },
      headers: { origin: portalUrl },
    });
    expect([403, 404], route).toContain(response.status());
    if (response.status() === 404) expect((await response.json()).error.code).toBe('NOT_FOUND');
  }
  const search = await page.request.post(`${portalUrl}/api/desk/search`, {
    data: { query: 'pradeep' },
    headers: { origin: portalUrl },
  });
  expect(search.status()).toBe(403);
  const crossSite = await page.request.post(`${portalUrl}/api/desk/search`, {
    data: { query: 'pradeep' },
    headers: { origin: 'https://evil.test' },
  });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error).toMatchObject({ code: 'FORBIDDEN', reason: 'crossSite' });
});

test('a wrong number and a denied push appear live; the denial ends the case, blocks the user and alerts supervisors', async ({
  page,
  context,
}) => {
  await signInToPortal(page, 'lynne.robbins@contoso.test', '/desk');
  await page.getByLabel('Name, username, email or phone').fill('adele');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: /Adele Vance/ }).click();
  await page.getByRole('button', { name: 'Start verifying this caller' }).click();

  await page.getByRole('button', { name: 'Send Authenticator push' }).click();
  const number = Number(await page.getByTestId('desk-push-number').textContent());
  await closePhone(await answerDeskPush(context, adele, { number: number === 99 ? 10 : number + 1 }));
  await expect(page.getByTestId('push-status')).toHaveText('Wrong number entered: not verified.');
  await expect(page.getByRole('button', { name: 'Unlock the account' })).toBeDisabled();

  await page.getByRole('button', { name: 'Send Authenticator push' }).click();
  await expect(page.getByTestId('push-status')).toHaveText('Waiting for the caller to answer in Authenticator…');
  await closePhone(await answerDeskPush(context, adele, 'deny'));
  await expect(page.getByTestId('push-status')).toHaveText('Denied by the user. The case has ended.');
  await expect(page.getByRole('alert').filter({ hasText: 'The user denied the push.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send Authenticator push' })).toBeDisabled();
  await expectAccessible(page);
  await expect.poll(async () => (await readEmails('desk-supervisors@contoso.test')).length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'End call' }).click();
  await page.getByLabel('Name, username, email or phone').fill('adele');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: /Adele Vance/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Desk actions on this user are blocked' })).toBeVisible();
  const reopen = await page.request.post(`${portalUrl}/api/desk/cases`, {
    data: { userId: '5d1e7a30-6c2b-4f8e-9a4d-000000000001' },
    headers: { origin: portalUrl },
  });
  expect(reopen.status()).toBe(403);
  expect((await reopen.json()).error.reason).toBe('targetBlocked');
});

test("an agent cannot open a case on their own account or a supervisor's, even by a direct POST", async ({ page }) => {
  await signInToPortal(page, 'lynne.robbins@contoso.test', '/desk');
  for (const [id, refusal] of [
    ['5d1e7a30-6c2b-4f8e-9a4d-000000000009', 'ownAccount'],
    ['5d1e7a30-6c2b-4f8e-9a4d-000000000010', 'supervisorAccount'],
  ] as const) {
    const response = await page.request.post(`${portalUrl}/api/desk/cases`, {
      data: { userId: id },
      headers: { origin: portalUrl },
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).error.reason).toBe(refusal);
  }
  await page.getByLabel('Name, username, email or phone').fill('grady');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: /Grady Archie/ }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: "Agents cannot act on a supervisor's account." }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start verifying this caller' })).toHaveCount(0);
  const action = await page.request.post(`${portalUrl}/api/desk/cases/00000000-0000-4000-8000-000000000000/actions`, {
    data: { action: 'unlock' },
    headers: { origin: portalUrl },
  });
  expect(action.status()).toBe(404);
  const bad = await page.request.post(`${portalUrl}/api/desk/cases/not-a-uuid/actions`, {
    data: { action: 'setPassword' },
    headers: { origin: portalUrl },
  });
  expect(bad.status()).toBe(400);
});

test.describe('privileged target', () => {
  test('needs two methods and a supervisor approval before any action', async ({ page, browser }) => {
    await lockOut(page, 'isaiah.langer@contoso.test');
    await signInToPortal(page, 'lynne.robbins@contoso.test', '/desk');
    await page.getByLabel('Name, username, email or phone').fill('isaiah');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('button', { name: /Isaiah Langer/ }).click();
    await expect(page.getByText('Privileged: Global Administrator')).toBeVisible();
    await page.getByRole('button', { name: 'Start verifying this caller' }).click();
    await page.getByRole('button', { name: 'Send Authenticator push' }).click();
    const number = Number(await page.getByTestId('desk-push-number').textContent());
    await closePhone(await answerDeskPush(page.context(), 'isaiah.langer@contoso.test', { number }));
    await expect(page.getByTestId('verification-history')).toContainText('Approved', { timeout: 15_000 });
    await expect(page.getByText('Privileged account: verify with a second, different method.').first()).toBeVisible();
    await page.getByRole('button', { name: 'Send code by email' }).click();
    await expect
      .poll(async () => (await readEmails('isaiah.langer@personal.test'))[0]?.text ?? '')
      .toContain('verification code');
    const code = /code is (\d{6})/.exec((await readEmails('isaiah.langer@personal.test'))[0]?.text ?? '')?.[1] ?? '';
    await page.getByLabel('Code read back by the caller').fill(code);
    await page.getByRole('button', { name: 'Check code' }).click();
    await expect(page.getByText('Code accepted.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Unlock the account' })).toBeDisabled();
    const direct = await page.request.post(`${portalUrl}/api/desk/cases/${await caseIdOf(page)}/actions`, {
      data: { action: 'unlock' },
      headers: { origin: portalUrl },
    });
    expect((await direct.json()).error.reason).toBe('needsSupervisorApproval');
    await page.getByRole('button', { name: 'Ask a supervisor to approve' }).click();
    await expect(page.getByText('Waiting for a supervisor to approve…')).toBeVisible();

    const supervisorContext = await browser.newContext({ ignoreHTTPSErrors: true });
    const supervisor = await supervisorContext.newPage();
    await signInToPortal(supervisor, 'grady.archie@contoso.test', '/desk/approvals');
    await expect(supervisor.getByText('Isaiah Langer')).toBeVisible();
    await expectAccessible(supervisor);
    await supervisor.getByRole('button', { name: 'Approve' }).click();
    await expect(supervisor.getByText('No case is waiting for approval.')).toBeVisible();
    await supervisorContext.close();

    await expect(page.getByText('Approved by Grady Archie.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Unlock the account' })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Issue a Temporary Access Pass' })).toBeDisabled();
  });
});

async function caseIdOf(page: import('@playwright/test').Page): Promise<string> {
  const entries = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  const match = entries.map((n) => /\/api\/desk\/cases\/([0-9a-f-]{36})\//.exec(n)?.[1]).find(Boolean);
  if (!match) throw new Error('no case id seen');
  return match;
}
