// Issue 14, shell: /admin is the administrators' landing page (anonymous visitors sign in first), the home
// page shows the desk and simulator cards only to the roles that can use them, access-denied pages offer a
// way onward, and the favicon exists (no 404 in any page's console).
import { expect, test } from '@playwright/test';
import { resetTenant } from '../fixtures/authenticator';
import { portalUrl, signInToPortal } from '../fixtures/portal';
import { shootInBothLanguages } from '../fixtures/screens';
import { expectAccessible } from '../reset/reset-helpers';

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
});

test('anonymous: home shows only the self-service cards, /admin asks to sign in, no 404 for the favicon', async ({
  page,
}) => {
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await page.goto(`${portalUrl}/`);
  await expect(page.locator('li[data-surface]')).toHaveCount(2);
  await expect(page.locator('li[data-surface="desk"]')).toHaveCount(0);
  await expect(page.locator('li[data-surface="simulator"]')).toHaveCount(0);
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /icon\.svg/);
  const icon = await page.request.get(`${portalUrl}/icon.svg`);
  expect(icon.status()).toBe(200);
  await page.waitForLoadState('networkidle');
  expect(missing).toEqual([]);

  await page.goto(`${portalUrl}/admin`);
  await expect(page).toHaveURL(`${portalUrl}/signin?callbackUrl=%2Fadmin`);
});

test('an administrator lands on /admin with readiness, policy sets and the audit log', async ({ page }) => {
  await signInToPortal(page, 'patti.fernandez@contoso.test', '/admin');
  await expect(page).toHaveURL(`${portalUrl}/admin`);
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expect(page.getByTestId('admin-readiness')).toContainText(/\d+ of \d+ users can reset their password/);
  await expect(page.getByRole('link', { name: 'See who cannot, and why' })).toHaveAttribute('href', '/admin/readiness');
  // The outbox's counts, as /api/health shows them (issue 12).
  await expect(page.getByTestId('admin-jobs')).toContainText(
    /\d+ waiting or running, \d+ given up after their retries/,
  );
  await expect(page.getByRole('link', { name: 'Open the Conditional Access simulator' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the audit log' })).toHaveAttribute('href', '/desk/audit');
  await expectAccessible(page);
  await shootInBothLanguages(page, 'experience-screens', 'admin-home');
  await page.goto(`${portalUrl}/`);
  await expect(page.locator('li[data-surface="simulator"]')).toBeVisible();
  await expect(page.locator('li[data-surface="admin"]')).toBeVisible();
});

test('an agent sees the desk card, not the simulator, and /admin refuses with a way onward', async ({ page }) => {
  await signInToPortal(page, 'lynne.robbins@contoso.test');
  await expect(page.locator('li[data-surface="desk"]')).toBeVisible();
  await expect(page.locator('li[data-surface="simulator"]')).toHaveCount(0);
  await page.goto(`${portalUrl}/admin`);
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
  const onward = page.getByRole('navigation', { name: 'Where to go from here' });
  await expect(onward.getByRole('link', { name: 'Sign in with another account' })).toHaveAttribute(
    'href',
    '/signin?callbackUrl=%2Fadmin',
  );
  await expect(onward.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
  await expectAccessible(page);
  await shootInBothLanguages(page, 'experience-screens', 'admin-forbidden');
  await page.goto(`${portalUrl}/admin/simulator`);
  await expect(
    page.getByRole('navigation', { name: 'Where to go from here' }).getByRole('link', { name: 'Go to the home page' }),
  ).toBeVisible();
});
