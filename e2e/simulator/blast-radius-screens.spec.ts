// The blast-radius page after its split into form, stream hook and results view: a finished run with the
// recommended draft, and a draft that is not JSON, at 1280 and 390 px in English and French, axe-checked
// (test-results/blast-radius-screens/).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { z } from 'zod';
import { readJsonFile } from '../fixtures/json';
import { setPortalLocale } from '../fixtures/screens';
import { importDemoPolicySet } from './import-demo-set';

const resetAppId = 'a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d01';
const widths = [1280, 390];
const blastWordsSchema = z.object({
  blast: z.object({ run: z.string(), done: z.string(), draft: z.string(), draftNotJson: z.string() }),
});
const blastWords = (locale: 'en' | 'fr') => readJsonFile(blastWordsSchema, `messages/${locale}/simulator.json`).blast;

test('blast radius in both languages: a finished run and a draft that is not JSON', async ({ page }) => {
  test.setTimeout(180_000);
  const setUrl = await importDemoPolicySet(page, 'Blast screens');
  const url = `${setUrl}/blast-radius?preset=resetPortalPasswordless&forgotten=1&app=${resetAppId}`;
  for (const locale of ['en', 'fr'] as const) {
    const words = blastWords(locale);
    await setPortalLocale(page, locale);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url);
    await page.getByRole('button', { name: words.run }).click();
    await expect(page.getByTestId('blast-status')).toContainText(words.done.split('{ms}')[0] ?? '');
    await expect(page.getByTestId('blast-diff')).toBeVisible();
    await expect(page.getByTestId('blast-heat-map')).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations, locale).toEqual([]);
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `test-results/blast-radius-screens/${locale}-${width}-done.png`, fullPage: true });
      // The set's tabs wrap, so the current one (the last tab) is on screen at phone width too.
      await expect(page.locator('nav a[aria-current="page"]')).toBeInViewport({ ratio: 1 });
      // Every column of the outcome tables is in view without scrolling sideways (at 390 px the rows stack).
      for (const table of await page.locator('[data-testid^="chart-"][data-testid$="-table"]').all()) {
        const { tableWidth, regionWidth } = await table.evaluate((element) => ({
          tableWidth: element.scrollWidth,
          regionWidth: element.parentElement?.clientWidth ?? 0,
        }));
        expect(tableWidth, `${locale} ${width}`).toBeLessThanOrEqual(regionWidth);
      }
    }

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByLabel(words.draft).fill('{ not json');
    await page.getByRole('button', { name: words.run }).click();
    await expect(page.getByRole('alert').filter({ hasText: words.draftNotJson })).toBeVisible();
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({
        path: `test-results/blast-radius-screens/${locale}-${width}-draft-not-json.png`,
        fullPage: true,
      });
    }
  }
  await setPortalLocale(page, 'en');
});
