// Issue 14's last look: the pages other slices changed (the desk user card, the audit page, /account, readiness),
// at 1280 and 390 px in English and French, axe-checked in each language (test-results/experience-screens/).
import { expect, test, type Page } from '@playwright/test';
import { z } from 'zod';
import { readJsonFile } from '../fixtures/json';
import { resetTenant } from '../fixtures/authenticator';
import { portalUrl, signInToPortal } from '../fixtures/portal';
import { setPortalLocale, shootInBothLanguages } from '../fixtures/screens';
import { expectAccessible } from '../desk/desk-fixtures';

test.describe.configure({ timeout: 180_000 });

const folder = 'experience-screens';
const deskSearch = (locale: 'en' | 'fr') =>
  readJsonFile(
    z.object({ search: z.object({ label: z.string(), button: z.string() }) }),
    `messages/${locale}/desk.json`,
  ).search;

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
});

test('the desk user card and the audit page, in both languages', async ({ page }) => {
  await signInToPortal(page, 'grady.archie@contoso.test', '/desk');
  // The card lives in the console's state, so each language opens it again instead of reloading.
  for (const locale of ['en', 'fr'] as const) {
    await setPortalLocale(page, locale);
    await page.goto(`${portalUrl}/desk`);
    const search = deskSearch(locale);
    await page.getByLabel(search.label).fill('pradeep');
    await page.getByRole('button', { name: search.button }).click();
    await page.getByRole('button', { name: /Pradeep Gupta/ }).click();
    await expect(page.getByRole('heading', { name: 'Pradeep Gupta' })).toBeVisible();
    await expectAccessible(page);
    await shootWidths(page, `${locale}-desk-user-card`);
  }
  await setPortalLocale(page, 'en');
  await page.goto(`${portalUrl}/desk/audit`);
  await expect(page.getByTestId('chain-status')).toBeVisible();
  await shootInBothLanguages(page, folder, 'desk-audit');
});

test('/account and readiness, in both languages', async ({ page }) => {
  await signInToPortal(page, 'patti.fernandez@contoso.test', '/account');
  await shootInBothLanguages(page, folder, 'account');
  await page.goto(`${portalUrl}/admin/readiness`);
  await shootInBothLanguages(page, folder, 'admin-readiness');
});

async function shootWidths(page: Page, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 1280 ? 900 : 844 });
    await page.screenshot({ path: `test-results/${folder}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
