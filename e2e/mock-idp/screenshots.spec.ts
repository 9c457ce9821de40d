// Looks at the pages: desktop and phone-width screenshots of the main screens, for people to review.
import { test } from '@playwright/test';
import { enterUsername, openAuthenticator, resetTenant, startSignIn } from '../fixtures/authenticator';

for (const viewport of [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`screenshots at ${viewport.name} width`, async ({ page, context }) => {
    await page.setViewportSize(viewport);
    await resetTenant(page);
    await startSignIn(page);
    await page.screenshot({ path: `test-results/mock-idp-screens/${viewport.name}-username.png`, fullPage: true });
    await enterUsername(page, 'pradeep.gupta@contoso.test');
    await page.getByRole('button', { name: 'Send notification' }).click();
    await page.getByTestId('push-number').waitFor();
    await page.screenshot({ path: `test-results/mock-idp-screens/${viewport.name}-number.png`, fullPage: true });
    const phone = await openAuthenticator(context, 'pradeep.gupta@contoso.test');
    await phone.setViewportSize(viewport);
    await phone.screenshot({
      path: `test-results/mock-idp-screens/${viewport.name}-authenticator.png`,
      fullPage: true,
    });
  });
}
