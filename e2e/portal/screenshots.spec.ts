// Looks at the portal shell: desktop and phone-width screenshots of home and sign-in, for people to review.
import { test } from '@playwright/test';
import { portalUrl } from '../fixtures/portal';

for (const viewport of [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`portal shell screenshots at ${viewport.name} width`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(`${portalUrl}/`);
    await page.screenshot({ path: `test-results/portal-screens/${viewport.name}-home.png`, fullPage: true });
    await page.goto(`${portalUrl}/signin`);
    await page.screenshot({ path: `test-results/portal-screens/${viewport.name}-signin.png`, fullPage: true });
  });
}
