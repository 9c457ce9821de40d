// The portal's own passkey service: enrolled on /account after signing in with Entra, then worth 3 stars
// in a reset; another account's passkey proves nothing.
import { expect, test } from '@playwright/test';
import { addVirtualAuthenticator, resetTenant } from '../fixtures/authenticator';
import { clearDevSink } from '../fixtures/dev-sink';
import { portalUrl, signInToPortal } from '../fixtures/portal';
import { expectAccessible, newPassword, passwordSignsIn, startReset } from './reset-helpers';

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
  await clearDevSink();
});

test('a passkey enrolled on /account resets the password; it does not count for another account', async ({ page }) => {
  await signInToPortal(page, 'adele.vance@contoso.test', '/account');
  await addVirtualAuthenticator(page);
  // The simulated phone (a second page) took the focus during sign-in; WebAuthn needs a focused page.
  await page.bringToFront();
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByText('Your passkey was added.')).toBeVisible();
  await expect(page.getByText('Passkey', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  await startReset(page, 'nestor.wilke@contoso.test');
  await page.getByRole('link', { name: 'Use this: Passkey' }).click();
  await page.getByRole('button', { name: 'Use my passkey' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not confirm it is you' })).toBeVisible();
  await expectAccessible(page);

  await startReset(page, 'adele.vance@contoso.test');
  await page.getByRole('link', { name: 'Use this: Passkey' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Use my passkey' }).click();
  await expect(page).toHaveURL(`${portalUrl}/reset/services?verified=passkey`);
  await expect(page.getByText('You have 3 of 3 stars.')).toBeVisible();
  await page.getByRole('link', { name: 'Choose a new password' }).click();
  await page.getByLabel('New password').fill(newPassword);
  await page.getByLabel('Type it again').fill(newPassword);
  await page.getByRole('button', { name: 'Change my password' }).click();
  await expect(page.getByRole('heading', { name: 'Your password was changed' })).toBeVisible();
  expect(await passwordSignsIn(page.request, 'adele.vance@contoso.test', newPassword)).toBe('granted');
});
