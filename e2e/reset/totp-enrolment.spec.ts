// Issue 14: setting up an authenticator app on /account. A QR code (server-rendered SVG), the key in
// groups of four, the names the app will show; a wrong first code keeps the key the app already holds;
// after enrolment /account no longer offers set-up as its main action.
import * as OTPAuth from 'otpauth';
import { expect, test } from '@playwright/test';
import { resetTenant } from '../fixtures/authenticator';
import { clearDevSink } from '../fixtures/dev-sink';
import { portalUrl, signInToPortal } from '../fixtures/portal';
import { shootInBothLanguages } from '../fixtures/screens';
import { expectAccessible } from './reset-helpers';

const upn = 'adele.vance@contoso.test';

function codeAt(secret: string, at: number): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: at,
  });
}

/** A 6-digit code that is certainly wrong now (not the code of this, the previous or the next step). */
function wrongCode(secret: string): string {
  const near = new Set([-30_000, 0, 30_000, 60_000].map((d) => codeAt(secret, Date.now() + d)));
  for (let n = 0; ; n += 1) {
    const candidate = String(n).padStart(6, '0');
    if (!near.has(candidate)) return candidate;
  }
}

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
  await clearDevSink();
});

test('a wrong first code keeps the same secret; the QR code, grouped key and names are shown', async ({ page }) => {
  // Straight to the page: the portal's database outlives a spec, so Adele may hold an app already.
  await signInToPortal(page, upn, '/account/totp');
  // Each fresh visit offers a new key: shoot first, then read the key this page holds.
  await shootInBothLanguages(page, 'account-screens', 'totp');
  const secretBox = page.getByTestId('totp-secret');
  const secret = (await secretBox.getAttribute('data-secret')) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expect(secretBox).toHaveText(secret.match(/.{4}/g)?.join(' ') ?? '');
  await expect(
    page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).locator('svg'),
  ).toBeVisible();
  await expect(page.getByTestId('totp-issuer')).toHaveText('Verity');
  await expect(page.getByTestId('totp-account')).toHaveText(upn);
  await expect(page.getByRole('button', { name: 'Copy the key' })).toBeVisible();

  await page.getByLabel('6-digit code').fill(wrongCode(secret));
  await page.getByRole('button', { name: 'Finish set-up' }).click();
  await expect(page).toHaveURL(/\/account\/totp\?error=wrongCode/);
  await expect(page.getByRole('alert').filter({ hasText: 'Your key has not changed' })).toBeVisible();
  await expect(page.getByTestId('totp-secret')).toHaveAttribute('data-secret', secret);
  await expect(page.getByLabel('6-digit code')).toBeFocused();
  await expectAccessible(page);
  // A reload (or coming back) still shows the same key; the page says how to get a new one.
  await page.goto(`${portalUrl}/account/totp`);
  await expect(page.getByTestId('totp-secret')).toHaveAttribute('data-secret', secret);
  await shootInBothLanguages(page, 'account-screens', 'totp-after-wrong-code');

  await page.getByLabel('6-digit code').fill(codeAt(secret, Date.now()));
  await page.getByRole('button', { name: 'Finish set-up' }).click();
  await expect(page.getByText('Your authenticator app is set up.')).toBeVisible();
  // Enrolled: the card says the app is ready and set-up is no longer the main action.
  await expect(page.getByTestId('totp-ready')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Set up an authenticator app' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Add another authenticator app' })).toBeVisible();
  await shootInBothLanguages(page, 'account-screens', 'account-after-totp');
  // The kept secret is gone after success: a new set-up starts with a new key.
  await page.goto(`${portalUrl}/account/totp`);
  await expect(page.getByTestId('totp-secret')).not.toHaveAttribute('data-secret', secret);
});
