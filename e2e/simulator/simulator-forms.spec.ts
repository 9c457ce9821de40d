// Issue 14, simulator: a refused import keeps the name and the pasted JSON (nothing retyped), and "Load the
// demo policies" turns an empty simulator into a set to explore in one click.
import { expect, test } from '@playwright/test';
import { resetTenant } from '../fixtures/authenticator';
import { signInToPortal } from '../fixtures/portal';
import { shootInBothLanguages } from '../fixtures/screens';
import { expectAccessible } from '../reset/reset-helpers';

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
  await signInToPortal(page, 'patti.fernandez@contoso.test', '/admin/simulator');
});

test('a refused import keeps the name and the pasted JSON', async ({ page }) => {
  const form = page.getByRole('form', { name: 'Import a Graph export' });
  const pasted = '{"value":[{"id":"p1","displayName":"x","state":"on"}]}';
  await form.getByLabel('Name of the policy set').fill('Kept after an error');
  await form.getByLabel('Conditional Access policies', { exact: true }).fill(pasted);
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(form.getByRole('alert')).toContainText('$.value[0].state');
  await expect(form.getByLabel('Name of the policy set')).toHaveValue('Kept after an error');
  await expect(form.getByLabel('Conditional Access policies', { exact: true })).toHaveValue(pasted);
  await expectAccessible(page);
});

test('"Load the demo policies" creates a set from the demo tenant', async ({ page }) => {
  await page.getByRole('button', { name: 'Load the demo policies' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contoso demo policies');
  await expect(page.getByText('Version 1 · 8 policies')).toBeVisible();
  await page.goto(page.url().replace(/\/admin\/simulator\/.*$/, '/admin/simulator'));
  await expect(page.getByRole('button', { name: 'Load the demo policies' })).toBeVisible();
  await shootInBothLanguages(page, 'experience-screens', 'simulator-home');
});
