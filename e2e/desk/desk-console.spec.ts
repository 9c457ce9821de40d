// Issue 5 acceptance, end to end against the portal and the mock Entra: an agent signs in, finds a
// passwordless user, verifies the caller with a number-matched push approved in the Authenticator page,
// unlocks the account and issues a Temporary Access Pass, which then signs the user in at the mock Entra;
// the audit page shows each step and the chain is intact (page and `npm run audit:verify`).
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { expectSignedIn, resetTenant, startSignIn } from '../fixtures/authenticator';
import { readEmails } from '../fixtures/dev-sink';
import { portalUrl, signInToPortal } from '../fixtures/portal';
import { ports } from '../fixtures/ports';
import { shootInBothLanguages } from '../fixtures/screens';
import { answerDeskPush, expectAccessible, lockOut } from './desk-fixtures';

const pradeep = 'pradeep.gupta@contoso.test';

// Several sign-ins and a second browser per test; the shared 2-core machine can be slow.
test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
});

test('agent verifies pradeep by push, unlocks and issues a TAP that signs him in; audit shows every step, chain intact', async ({
  page,
  context,
  browser,
}) => {
  await lockOut(page, pradeep);
  await signInToPortal(page, 'lynne.robbins@contoso.test', '/desk');
  await expect(page.getByRole('heading', { level: 1, name: 'Service desk console' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Call script' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Name, username, email or phone').fill('pradeep');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: /Pradeep Gupta/ }).click();
  await expect(page.getByRole('heading', { name: 'Pradeep Gupta' })).toBeVisible();
  await expect(page.getByText('Locked out recently')).toBeVisible();
  await expect(page.getByText('Microsoft Authenticator', { exact: false }).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Start verifying this caller' }).click();
  await expect(page.getByText('Verify the caller first.').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unlock the account' })).toBeDisabled();
  await page.getByRole('button', { name: 'Send Authenticator push' }).click();
  const number = Number(await page.getByTestId('desk-push-number').textContent());
  expect(number).toBeGreaterThanOrEqual(10);
  await expect(page.getByTestId('push-status')).toHaveText('Waiting for the caller to answer in Authenticator…');
  await expect(page.getByTestId('push-time-left')).toContainText(/The push expires in \d+ seconds\./);
  await expectAccessible(page);

  const phone = await answerDeskPush(context, pradeep, { number });
  const approvedAt = Date.now();
  await expect(page.getByTestId('verification-history')).toContainText('Approved: the caller is verified.');
  test.info().annotations.push({ type: 'push-status-latency-ms', description: String(Date.now() - approvedAt) });
  await phone.close();
  await expect(page.getByRole('timer')).toHaveText(/^1[45]:\d\d$/);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Unlock the account' }).click();
  await expect(page.getByText('The account is unlocked. The user has been notified by email.')).toBeVisible();
  // The card now shows the account unlocked: Unlock is disabled with the reason.
  await expect(page.getByRole('button', { name: 'Unlock the account' })).toBeDisabled();
  // Issuing a pass asks first, then moves focus to the pass and spells it out.
  await page.getByRole('button', { name: 'Issue a Temporary Access Pass' }).click();
  await expect(page.getByTestId('confirm-action')).toContainText('Issue a Temporary Access Pass to Pradeep Gupta?');
  await expect(page.getByRole('button', { name: 'Yes, continue' })).toBeFocused();
  await page.getByRole('button', { name: 'Yes, continue' }).click();
  await expect(page.getByTestId('tap-region')).toBeFocused();
  const pass = (await page.getByTestId('temporary-access-pass').textContent())?.trim() ?? '';
  expect(pass).toHaveLength(10);
  await expect(page.getByTestId('tap-spelled').getByRole('listitem')).toHaveCount(10);
  const first = pass[0] ?? '';
  if (/[A-Z]/.test(first))
    await expect(page.getByTestId('tap-spelled').getByRole('listitem').first()).toContainText('capital');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'I have read it to the user' }).click();
  await expect(page.getByTestId('temporary-access-pass')).toHaveCount(0);

  // The user, on their own device, signs in at the mock Entra with the pass.
  const userContext = await browser.newContext({
    ignoreHTTPSErrors: true,
    baseURL: `https://localhost:${ports.mockIdp}`,
  });
  const userPage = await userContext.newPage();
  await startSignIn(userPage, { loginHint: pradeep });
  await userPage.getByLabel('Temporary Access Pass').fill(pass);
  await userPage.getByRole('button', { name: 'Verify' }).click();
  await expectSignedIn(userPage);
  await userContext.close();

  // The user was told about both actions at their email of record.
  await expect
    .poll(
      async () =>
        (await readEmails(pradeep)).filter((m) => m.subject === 'A service desk agent made a change to your account')
          .length,
    )
    .toBe(2);

  // The auditor sees each step and an intact chain.
  const auditorContext = await browser.newContext({ ignoreHTTPSErrors: true });
  const auditor = await auditorContext.newPage();
  await signInToPortal(auditor, 'patti.fernandez@contoso.test', '/desk/audit');
  await expect(auditor.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(auditor.getByTestId('chain-status')).toContainText('Hash chain intact');
  const table = auditor.getByRole('table');
  // Readable labels, not raw codes (the code stays on hover).
  for (const label of [
    'Directory search',
    'Desk call started',
    'Authenticator push sent',
    'Caller verification result',
    'Account unlocked by the desk',
    'Temporary Access Pass issued',
    'User notified',
  ]) {
    await expect(table.getByRole('cell', { name: label, exact: true }).first()).toBeVisible();
  }
  await expect(table).not.toContainText('desk.verification.pushSent');
  await expect(table.getByRole('cell', { name: 'Pradeep Gupta', exact: true }).first()).toBeVisible();
  await expect(table.getByRole('term').filter({ hasText: 'Agent' })).toHaveCount(0);
  await expect(table).not.toContainText(pass);
  await expectAccessible(auditor);
  await auditor.getByLabel('Action starts with').fill('desk.action');
  await auditor.getByRole('button', { name: 'Apply filters' }).click();
  await expect(table.getByRole('cell', { name: 'Directory search', exact: true })).toHaveCount(0);
  // Filter by the user's name, not only by object id.
  await auditor.getByLabel('Action starts with').fill('');
  await auditor.getByLabel('User', { exact: true }).fill('Pradeep');
  await auditor.getByRole('button', { name: 'Apply filters' }).click();
  await expect(table.getByRole('cell', { name: 'Temporary Access Pass issued', exact: true }).first()).toBeVisible();
  await expect(table.getByRole('cell', { name: 'Directory search', exact: true })).toHaveCount(0);
  await shootInBothLanguages(auditor, 'experience-screens', 'desk-audit');
  const csv = await auditor.request.get(`${portalUrl}/api/desk/audit/export?action=desk.action`);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain('desk.action.issueTemporaryAccessPass');
  await auditorContext.close();

  // The portal checkpoints the chain at start and on an interval; sign the current head on demand, then verify
  // the keyed chain against it (docs/decisions/0005-keyed-audit-chain.md).
  const auditEnv = {
    ...process.env,
    DATABASE_URL: `file:./data/e2e-${ports.portal}.db`,
    AUDIT_CHECKPOINT_FILE: `data/e2e-${ports.portal}-audit-checkpoints.jsonl`,
  };
  execFileSync('npx', ['tsx', 'scripts/audit-checkpoint.ts'], { env: auditEnv, encoding: 'utf8' });
  const verify = execFileSync('npx', ['tsx', 'scripts/audit-verify.ts'], { env: auditEnv, encoding: 'utf8' });
  expect(verify).toContain('chain intact');
  expect(verify).toContain('latest checkpoint seq');
});
