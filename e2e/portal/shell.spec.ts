// The portal shell: home, sign-in through the mock Entra, role-aware navigation, language switch,
// security headers, and the development mail sink receiving real SMTP.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { resetTenant } from '../fixtures/authenticator';
import { portalUrl, signInToPortal } from '../fixtures/portal';

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
});

test('home lists the four surfaces, is accessible, and switches to French', async ({ page }) => {
  const response = await page.goto(`${portalUrl}/`);
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response?.headers()['referrer-policy']).toBe('same-origin');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What do you need to do?');
  await expect(page.getByRole('link', { name: 'Reset my password' })).toHaveAttribute('href', '/reset');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Que souhaitez-vous faire ?');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('a demo deployment (VERITY_DEMO_MODE=1) says so in the footer of every page, in English and French', async ({
  page,
}) => {
  await page.goto(`${portalUrl}/reset`);
  const footer = page.getByRole('contentinfo');
  await expect(footer).toContainText('Demo deployment');
  await expect(footer).toContainText('Never use a real account or password here.');
  await page.getByLabel('Language').selectOption('fr');
  await expect(footer).toContainText('Déploiement de démonstration');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('reset pages send no referrer at all', async ({ page }) => {
  const response = await page.request.get(`${portalUrl}/reset`, { maxRedirects: 0 });
  expect(response.headers()['referrer-policy']).toBe('no-referrer');
});

test('an agent signs in through the mock Entra (password + push) and sees the desk link, not the simulator', async ({
  page,
}) => {
  await signInToPortal(page, 'lynne.robbins@contoso.test');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Service desk' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Simulator' })).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test('sign-out is a plain form: it works without JavaScript, also when the CSRF cookie has gone', async ({
  page,
  browser,
}) => {
  await signInToPortal(page, 'lynne.robbins@contoso.test');
  const signedIn = await page.context().storageState();
  for (const csrfCookie of ['kept', 'dropped'] as const) {
    const cookies = signedIn.cookies.filter(
      (cookie) => csrfCookie === 'kept' || !cookie.name.endsWith('next-auth.csrf-token'),
    );
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: { ...signedIn, cookies } });
    const user = await context.newPage();
    await user.goto(`${portalUrl}/reset`);
    await user.getByRole('button', { name: 'Sign out' }).click();
    if (csrfCookie === 'dropped') {
      // next-auth refuses the tokenless post, sets a fresh token and sends the browser to our /signout page.
      await expect(user).toHaveURL(`${portalUrl}/signout`);
      await expect(user.getByRole('heading', { name: 'Sign out of Verity' })).toBeVisible();
      await user.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
    }
    await expect(user).toHaveURL(`${portalUrl}/`);
    await expect(user.getByRole('link', { name: 'Sign in' })).toBeVisible();
    await context.close();
  }
});

test('an administrator signs in with a passkey and sees the simulator link', async ({ page }) => {
  await signInToPortal(page, 'patti.fernandez@contoso.test');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Simulator' })).toBeVisible();
});

test('the sign-in page is accessible and ignores foreign callback URLs', async ({ page }) => {
  await page.goto(`${portalUrl}/signin?callbackUrl=${encodeURIComponent('https://evil.test/steal')}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Verity');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
