// The Entra sign-in link method: the desk emails a link to the alternate address of record; the user opens
// it on their own device, signs in with Entra MFA (passwordless push here) through the reset portal's OIDC
// verification, and the agent's console turns verified without a refresh.
import { expect, test } from '@playwright/test';
import { authenticatorApprove, readPushNumber, resetTenant } from '../fixtures/authenticator';
import { readEmails } from '../fixtures/dev-sink';
import { portalUrl, signInToPortal } from '../fixtures/portal';
import { expectAccessible } from './desk-fixtures';

// Several sign-ins and a second browser per test; the shared 2-core machine can be slow.
test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
});

test("a link to the email of record, Entra sign-in on the user's device, console turns verified; the link works once", async ({
  page,
  browser,
}) => {
  await signInToPortal(page, 'lynne.robbins@contoso.test', '/desk');
  await page.getByLabel('Name, username, email or phone').fill('pradeep');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: /Pradeep Gupta/ }).click();
  await page.getByRole('button', { name: 'Start verifying this caller' }).click();
  const before = (await readEmails('pradeep.gupta@personal.test')).length;
  await page.getByRole('button', { name: 'Send Entra sign-in link' }).click();
  await expect(page.getByText('A sign-in link was sent to the alternate email on record.')).toBeVisible();
  let link = '';
  await expect
    .poll(async () => {
      const mails = await readEmails('pradeep.gupta@personal.test');
      link = mails.length > before ? (/http\S+/.exec(mails[0]?.text ?? '')?.[0] ?? '') : '';
      return link;
    })
    .toContain('/api/desk/verify/start?v=');
  expect(link.startsWith(portalUrl)).toBe(true);

  const device = await browser.newContext({ ignoreHTTPSErrors: true });
  const phoneBrowser = await device.newPage();
  await phoneBrowser.goto(link);
  await phoneBrowser.getByRole('button', { name: 'Send notification' }).click();
  await authenticatorApprove(device, 'pradeep.gupta@contoso.test', await readPushNumber(phoneBrowser));
  await phoneBrowser.waitForURL(/\/desk\/verified\?result=verified/, { timeout: 30_000 });
  await expect(phoneBrowser.getByRole('heading', { name: 'You are verified' })).toBeVisible();
  await expectAccessible(phoneBrowser);
  await phoneBrowser.goto(link);
  await expect(phoneBrowser.getByRole('heading', { name: 'This link cannot be used' })).toBeVisible();
  await device.close();

  await expect(page.getByTestId('verification-history')).toContainText(
    'Entra sign-in link — Approved: the caller is verified.',
  );
  await expect(page.getByRole('button', { name: 'Issue a Temporary Access Pass' })).toBeEnabled();
});
