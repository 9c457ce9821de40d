// Screenshots of every simulator page at desktop (1280), tablet (820) and phone (390) widths, for people to
// review (test-results/simulator-screens/), with axe-core run on each at each width.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { portalUrl } from '../fixtures/portal';
import { importDemoPolicySet } from './import-demo-set';

const resetAppId = 'a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d01';
const viewports = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'tablet', width: 820, height: 1180 },
  { name: 'phone', width: 390, height: 844 },
];

test('simulator pages at desktop, tablet and phone widths', async ({ page }) => {
  test.setTimeout(180_000);
  const setUrl = await importDemoPolicySet(page, 'Screens');
  const pages: [string, string][] = [
    ['list', `${portalUrl}/admin/simulator`],
    ['set', setUrl],
    ['what-if', `${setUrl}/what-if?user=adele.vance%40contoso.test&app=${resetAppId}&ip=192.0.2.44&client=browser`],
    ['matrix', `${setUrl}/matrix?user=adele.vance%40contoso.test&app=${resetAppId}`],
    ['findings', `${setUrl}/findings`],
    ['editor', `${setUrl}/policies/c0a7e6f1-2b3d-4c5e-9f80-000000000001`],
    ['blast-radius', `${setUrl}/blast-radius?preset=resetPortalPasswordless&forgotten=1&app=${resetAppId}`],
  ];
  for (const viewport of viewports) {
    await page.setViewportSize(viewport);
    for (const [name, url] of pages) {
      await page.goto(url);
      if (name === 'blast-radius') {
        await page.getByRole('button', { name: 'Evaluate' }).click();
        await expect(page.getByTestId('blast-status')).toContainText('Done in');
      }
      if (name === 'matrix') await page.locator('td[data-scenario="anyNetwork"] summary').first().click();
      await page.screenshot({ path: `test-results/simulator-screens/${viewport.name}-${name}.png`, fullPage: true });
      expect((await new AxeBuilder({ page }).analyze()).violations, `${name} at ${viewport.name}`).toEqual([]);
    }
  }
});
