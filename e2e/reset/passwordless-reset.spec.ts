// Issue 4 (a): a passwordless user resets with Microsoft Entra MFA: /reset → Microsoft → "Send
// notification" → number → Authenticator (number, Approve, PIN) → back at the portal → new password →
// success → the new password signs in at the mock Entra.
import { expect, test } from '@playwright/test';
import { authenticatorApprove, demoPassword, readPushNumber, resetTenant } from '../fixtures/authenticator';
import { clearDevSink, waitForEmails } from '../fixtures/dev-sink';
import { portalUrl } from '../fixtures/portal';
import { expectAccessible, newPassword, passwordSignsIn, startReset } from './reset-helpers';

const upn = 'pradeep.gupta@contoso.test';

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
  await clearDevSink();
});

test('(a) passwordless user: Entra MFA with number matching, new password, notification, new password works', async ({
  page,
  context,
}) => {
  const response = await page.goto(`${portalUrl}/reset`);
  expect(response?.headers()['referrer-policy']).toBe('no-referrer');
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
  await expectAccessible(page);
  await startReset(page, upn);
  await expect(page.getByText('You have 0 of 3 stars.')).toBeVisible();
  await expect(page.getByText('does not ask for the password you forgot')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Continue with Microsoft' }).click();
  await expect(page.getByText('Mock Entra ID — development only').first()).toBeVisible();
  await page.getByRole('button', { name: 'Send notification' }).click();
  const number = await readPushNumber(page);
  await authenticatorApprove(context, upn, number, { pin: '1234' });

  await expect(page).toHaveURL(/\/reset\/services\?entra=verified/, { timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Microsoft Entra MFA confirmed it' })).toBeVisible();
  await expect(page.getByText('You have 3 of 3 stars.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Choose a new password' }).click();

  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password').fill('pradeep-password');
  await expect(page.locator('[data-rule="noNameParts"]')).toHaveAttribute('data-passed', 'false');
  await expect(page.locator('[data-rule="notCommon"]')).toContainText('found: “password”');
  await page.getByLabel('New password').fill(newPassword);
  await page.getByLabel('Type it again').fill(newPassword);
  for (const rule of [
    'minLength',
    'characterClasses',
    'notCommon',
    'noOrganisationWords',
    'noNameParts',
    'confirmationMatches',
  ]) {
    await expect(page.locator(`[data-rule="${rule}"]`)).toHaveAttribute('data-passed', 'true');
  }
  await page.getByLabel('Show passwords').check();
  await expect(page.getByLabel('New password')).toHaveAttribute('type', 'text');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Change my password' }).click();

  await expect(page.getByRole('heading', { name: 'Your password was changed' })).toBeVisible();
  await expectAccessible(page);
  // No automatic sign-in: the portal shows no signed-in user.
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toHaveCount(0);
  const [notice] = await waitForEmails('pradeep.gupta@personal.test');
  expect(notice?.subject).toBe('Your password was changed');
  expect(notice?.text).not.toContain(newPassword);

  await page.getByRole('button', { name: 'Sign out other sessions' }).click();
  await expect(page.getByText('Your other sessions were ended.')).toBeVisible();

  expect(await passwordSignsIn(page.request, upn, newPassword)).toBe('granted');
  expect(await passwordSignsIn(page.request, upn, demoPassword, ['password'])).toBe('failed');
  expect(await passwordSignsIn(page.request, upn, newPassword, ['password'])).not.toBe('failed');
});
