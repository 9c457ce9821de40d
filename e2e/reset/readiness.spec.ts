// Readiness without leaks: a signed-in user sees their own readiness on /account; Portal.Admin sees the
// counts and the list of users who cannot reset with Entra MFA, and why; others are refused.
import { expect, test } from '@playwright/test';
import { resetTenant } from '../fixtures/authenticator';
import { readEmails } from '../fixtures/dev-sink';
import { portalUrl, signInToPortal } from '../fixtures/portal';
import { expectAccessible } from './reset-helpers';

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
});

test('a passwordless user is ready on /account', async ({ page }) => {
  await signInToPortal(page, 'grady.archie@contoso.test', '/account');
  await expect(page.getByTestId('readiness')).toHaveAttribute('data-reason', 'ready');
  await expectAccessible(page);
});

test('the admin dashboard counts who cannot reset with Entra MFA and why', async ({ page }) => {
  await signInToPortal(page, 'patti.fernandez@contoso.test', '/admin/readiness');
  await expect(page.getByRole('heading', { name: 'Reset readiness' })).toBeVisible();
  await expect(page.getByTestId('count-total')).toHaveText('12');
  await expect(page.getByTestId('count-noMethodRegistered')).toHaveText('1');
  const adele = page.getByRole('row').filter({ hasText: 'adele.vance@contoso.test' });
  await expect(adele).toContainText('Sign-in starts with the password');
  await expect(page.getByRole('row').filter({ hasText: 'nestor.wilke@contoso.test' })).toContainText(
    'No multifactor method registered',
  );
  // The detail says what is registered and what is missing (issue 14: it was always empty).
  await expect(adele.getByTestId('readiness-detail')).toContainText(/Registered: .+\./);
  await expect(adele.getByTestId('readiness-detail')).toContainText('needs one passwordless method');
  await expect(
    page.getByRole('row').filter({ hasText: 'nestor.wilke@contoso.test' }).getByTestId('readiness-detail'),
  ).toContainText('Nothing registered but the password.');
  await expect(page.getByRole('row').filter({ hasText: 'pradeep.gupta@contoso.test' })).toHaveCount(0);
  await expectAccessible(page);
});

test('a registration reminder is confirmed first, then queued once and delivered to the dev sink', async ({ page }) => {
  await signInToPortal(page, 'patti.fernandez@contoso.test', '/admin/readiness');
  const nestor = page.getByRole('row').filter({ hasText: 'nestor.wilke@contoso.test' });
  await nestor.getByRole('button', { name: 'Send a registration reminder' }).click();
  await expect(nestor).toContainText('E-mail Nestor Wilke at their addresses of record');
  await expect(nestor.getByRole('button', { name: 'Send the e-mail' })).toBeFocused();
  await nestor.getByRole('button', { name: 'Cancel' }).click();
  await expect(nestor.getByRole('button', { name: 'Send the e-mail' })).toHaveCount(0);
  await nestor.getByRole('button', { name: 'Send a registration reminder' }).click();
  await nestor.getByRole('button', { name: 'Send the e-mail' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reminder queued for Nestor Wilke' })).toBeVisible();
  // Nestor has no mail attribute: the reminder goes to his sign-in name.
  await expect
    .poll(async () =>
      (await readEmails('nestor.wilke@contoso.test')).filter((m) => /reset your password/.test(m.subject)),
    )
    .toHaveLength(1);
  await expectAccessible(page);
});

test('at 390 px each user is a card with its own labels and nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInToPortal(page, 'patti.fernandez@contoso.test', '/admin/readiness');
  const adele = page.getByTestId('readiness-row').filter({ hasText: 'adele.vance@contoso.test' });
  await expect(adele.getByText('Why', { exact: true })).toBeVisible();
  await expect(adele.getByText('Sign-in starts with the password')).toBeInViewport();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test('the dashboard refuses users without Portal.Admin', async ({ page }) => {
  await signInToPortal(page, 'lynne.robbins@contoso.test', '/');
  await page.goto(`${portalUrl}/admin/readiness`);
  await expect(
    page.getByRole('alert').filter({ hasText: 'The administration pages need the Portal.Admin role.' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in with another account' })).toBeVisible();
  await expect(page.getByTestId('count-total')).toHaveCount(0);
});
