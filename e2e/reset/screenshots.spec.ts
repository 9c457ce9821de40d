// Desktop (1280) and phone (390) screenshots of every reset, unlock, account and readiness page, with an
// axe check on each, for people to review (test-results/reset-screens/).
import { test, type Page } from '@playwright/test';
import { authenticatorApprove, readPushNumber, resetTenant } from '../fixtures/authenticator';
import { clearDevSink } from '../fixtures/dev-sink';
import { portalUrl, signInToPortal } from '../fixtures/portal';
import { expectAccessible, newPassword, startReset } from './reset-helpers';

const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

async function shoot(page: Page, name: string): Promise<void> {
  await expectAccessible(page);
  for (const viewport of viewports) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `test-results/reset-screens/${viewport.name}-${name}.png`, fullPage: true });
  }
  await page.setViewportSize(viewports[0] ?? { width: 1280, height: 800 });
}

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
  await clearDevSink();
});

test('reset and unlock pages', async ({ page, context }) => {
  await page.goto(`${portalUrl}/reset`);
  await shoot(page, 'reset-start');
  await page.goto(`${portalUrl}/reset?error=rateLimited`);
  await shoot(page, 'reset-start-error');
  await startReset(page, 'pradeep.gupta@contoso.test');
  await shoot(page, 'reset-services');
  await page.goto(`${portalUrl}/reset/services?entra=cancelled`);
  await shoot(page, 'reset-services-entra-cancelled');
  await page.goto(`${portalUrl}/reset/verify/sms`);
  await shoot(page, 'reset-verify-sms');
  await page.getByRole('button', { name: 'Send a code' }).click();
  await shoot(page, 'reset-verify-sms-sent');
  await page.goto(`${portalUrl}/reset/verify/totp?error=wrongCode`);
  await shoot(page, 'reset-verify-totp-error');
  await page.goto(`${portalUrl}/reset/verify/passkey`);
  await shoot(page, 'reset-verify-passkey');
  await page.goto(`${portalUrl}/reset/new-password`);
  await shoot(page, 'reset-new-password-not-verified');
  await page.goto(`${portalUrl}/reset/services`);
  await page.getByRole('button', { name: 'Continue with Microsoft' }).click();
  await page.getByRole('button', { name: 'Send notification' }).click();
  await authenticatorApprove(context, 'pradeep.gupta@contoso.test', await readPushNumber(page));
  await page.waitForURL(/entra=verified/);
  await shoot(page, 'reset-services-verified');
  await page.getByRole('link', { name: 'Choose a new password' }).click();
  await page.getByLabel('New password').fill('Pradeep-2024');
  await shoot(page, 'reset-new-password-feedback');
  await page.getByLabel('New password').fill(newPassword);
  await page.getByLabel('Type it again').fill(newPassword);
  await page.getByRole('button', { name: 'Change my password' }).click();
  await page.waitForURL(/\/reset\/done/);
  await shoot(page, 'reset-done');
  await page.goto(`${portalUrl}/unlock`);
  await shoot(page, 'unlock-start');
  await startReset(page, 'grady.archie@contoso.test', 'unlock');
  await shoot(page, 'unlock-services');
});

test('account and readiness pages', async ({ page }) => {
  await page.goto(`${portalUrl}/account`);
  await shoot(page, 'account-signed-out');
  await signInToPortal(page, 'patti.fernandez@contoso.test', '/account');
  await shoot(page, 'account');
  await page.goto(`${portalUrl}/account/totp`);
  await shoot(page, 'account-totp');
  await page.goto(`${portalUrl}/admin/readiness`);
  await shoot(page, 'admin-readiness');
});
