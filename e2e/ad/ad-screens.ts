// Screenshots of the hybrid pages (test-results/hybrid-screens/) at 1280 and 390 px in English and French,
// axe-checked in each language. Pages that a reload brings back use fixtures/screens.ts; the desk's user card
// is client state, so it is opened again after the language changes.
import { expect, type Page } from '@playwright/test';
import { z } from 'zod';
import { readJsonFile } from '../fixtures/json';
import { setPortalLocale, shootInBothLanguages } from '../fixtures/screens';
import { expectAccessible } from '../reset/reset-helpers';

export const hybridScreens = 'hybrid-screens';

export const shootHybridPage = (page: Page, name: string) => shootInBothLanguages(page, hybridScreens, name);

const deskSearchLabelsSchema = z.object({ search: z.object({ label: z.string(), button: z.string() }) });
const searchLabels = (locale: 'en' | 'fr') =>
  readJsonFile(deskSearchLabelsSchema, `messages/${locale}/desk.json`).search;

/** The desk console with `name`'s card open, in both languages; left open in English at 1280 px. */
export async function shootDeskCard(page: Page, query: string, name: RegExp, shot: string): Promise<void> {
  for (const locale of ['fr', 'en'] as const) {
    await setPortalLocale(page, locale);
    await page.reload();
    const labels = searchLabels(locale);
    await page.getByLabel(labels.label).fill(query);
    await page.getByRole('button', { name: labels.button, exact: true }).click();
    await page.getByRole('button', { name }).click();
    await expect(page.getByText(/Active Directory \(corp\.contoso\.test\)/)).toBeVisible();
    await expectAccessible(page);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 1280 ? 800 : 844 });
      await page.screenshot({ path: `test-results/${hybridScreens}/${locale}-${width}-${shot}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }
}
