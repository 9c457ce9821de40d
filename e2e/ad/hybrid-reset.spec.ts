// Issue 10 (item 9), against a real Samba AD DC: a synced passwordless user resets through Entra MFA; the
// new-password page shows the domain's AD rules; the portal writes the password to AD (unicodePwd); the
// mock Entra then accepts it by pass-through authentication (an LDAPS bind to the DC) and a direct LDAP
// bind as the user proves AD holds it, while the old one no longer works anywhere.
import { expect, test } from '@playwright/test';
import { authenticatorApprove, demoPassword, readPushNumber, resetTenant } from '../fixtures/authenticator';
import { clearDevSink, waitForEmails } from '../fixtures/dev-sink';
import { signInToPortal } from '../fixtures/portal';
import { expectAccessible, newPassword, passwordSignsIn, startReset } from '../reset/reset-helpers';
import { canBind } from './ad-dc';
import { shootHybridPage } from './ad-screens';

const alan = 'alan.steiner@contoso.test';

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
  await clearDevSink();
});

test('a synced passwordless user resets with Entra MFA; the new password is in AD and signs in by pass-through', async ({
  page,
  context,
}) => {
  expect(await canBind(alan, demoPassword)).toBe(true);
  await startReset(page, alan);
  await page.getByRole('button', { name: 'Continue with Microsoft' }).click();
  await page.getByRole('button', { name: 'Send notification' }).click();
  await authenticatorApprove(context, alan, await readPushNumber(page), { pin: '1234' });
  await expect(page).toHaveURL(/\/reset\/services\?entra=verified/, { timeout: 30_000 });
  await page.getByRole('link', { name: 'Choose a new password' }).click();

  await expect(page.getByText("Your new password is written to your organisation's Active Directory")).toBeVisible();
  const adRules = page.getByTestId('ad-rules');
  await expect(adRules).toHaveAttribute('data-policy', 'domain');
  await expect(adRules).toContainText('At least 8 characters');
  await expect(adRules).toContainText('Not one of your last 5 passwords');
  // AD's complexity refuses a password holding a part of the user's full name ("Steiner").
  await page.getByLabel('New password').fill('steiner-harbour-lantern');
  await expect(adRules.locator('[data-rule="adComplexity"]')).toHaveAttribute('data-passed', 'false');
  await page.getByLabel('New password').fill(newPassword);
  await page.getByLabel('Type it again').fill(newPassword);
  for (const rule of ['adMinLength', 'adComplexity'])
    await expect(adRules.locator(`[data-rule="${rule}"]`)).toHaveAttribute('data-passed', 'true');
  await expectAccessible(page);
  await page.getByLabel('New password').fill('');
  await shootHybridPage(page, 'new-password-ad-rules');
  await page.getByLabel('New password').fill(newPassword);
  await page.getByLabel('Type it again').fill(newPassword);
  await page.getByRole('button', { name: 'Change my password' }).click();

  await expect(page.getByRole('heading', { name: 'Your password was changed' })).toBeVisible();
  await expect(page.getByText('The new one works now everywhere')).toBeVisible();
  await shootHybridPage(page, 'done-sync-sentence');
  const [notice] = await waitForEmails('alan.steiner@personal.test');
  expect(notice?.subject).toBe('Your password was changed');
  expect(notice?.text).not.toContain(newPassword);

  // AD holds the new password; the old one is refused by AD and by the mock's pass-through.
  expect(await canBind(alan, newPassword)).toBe(true);
  expect(await canBind(alan, demoPassword)).toBe(false);
  expect(await passwordSignsIn(page.request, alan, newPassword)).toBe('granted');
  expect(await passwordSignsIn(page.request, alan, demoPassword, ['password'])).toBe('failed');

  // /account shows the on-premises account's state, read from AD.
  await page.context().clearCookies();
  await signInToPortal(page, alan, '/account');
  await expect(page.getByTestId('on-premises')).toHaveAttribute('data-source', 'activeDirectory');
  await expect(page.getByTestId('on-premises')).toContainText('Synced from Active Directory (corp.contoso.test).');
  await shootHybridPage(page, 'account-ad-state');
});
