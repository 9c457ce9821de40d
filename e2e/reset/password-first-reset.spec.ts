// Issue 4 (b): a password + push user. Choosing Microsoft lands on Entra's password prompt, from which no
// reset is possible without the password; going back returns to the portal with the explanation and the
// other services; an SMS code plus a TOTP code enrolled earlier on /account complete the reset.
import * as OTPAuth from 'otpauth';
import { expect, test } from '@playwright/test';
import { resetTenant } from '../fixtures/authenticator';
import { clearDevSink } from '../fixtures/dev-sink';
import { portalUrl, signInToPortal } from '../fixtures/portal';
import { expectAccessible, latestSmsCode, newPassword, passwordSignsIn, startReset } from './reset-helpers';

const upn = 'adele.vance@contoso.test';

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
  await clearDevSink();
});

function totpCode(secret: string, at: number): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: at,
  });
}

test('(b) password + push user: Entra asks for the password, back to the list, SMS + TOTP complete the reset', async ({
  page,
  browser,
}) => {
  // Earlier, signed in with Entra: enrol an authenticator app on /account.
  await signInToPortal(page, upn, '/account');
  await expect(page.getByTestId('readiness')).toHaveAttribute('data-reason', 'passwordFirstSignIn');
  await expectAccessible(page);
  // "Add another" when an earlier spec (no-javascript.spec.ts) already set one up for Adele: the portal's
  // database lives for the whole run, and any of her authenticator apps counts at the reset.
  await page.getByRole('link', { name: /^(Set up an authenticator app|Add another authenticator app)$/ }).click();
  const secret = (await page.getByTestId('totp-secret').getAttribute('data-secret')) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectAccessible(page);
  await page.getByLabel('6-digit code').fill(totpCode(secret, Date.now()));
  await page.getByRole('button', { name: 'Finish set-up' }).click();
  await expect(page.getByText('Your authenticator app is set up.')).toBeVisible();

  // Later, the password is forgotten, in a fresh browser.
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const user = await context.newPage();
  await startReset(user, upn);
  await user.getByRole('button', { name: 'Continue with Microsoft' }).click();
  await expect(user.getByLabel('Password')).toBeVisible();
  await expect(user.getByRole('button', { name: 'Send notification' })).toHaveCount(0);
  await user.goBack();
  await expect(user).toHaveURL(`${portalUrl}/reset/services`);
  await expect(user.getByText('If Microsoft asked for the password you forgot')).toBeVisible();
  await expect(user.getByRole('link', { name: 'Use this: Text message code' })).toBeVisible();
  await expectAccessible(user);

  await user.getByRole('link', { name: 'Use this: Text message code' }).click();
  await user.getByRole('button', { name: 'Send a code' }).click();
  await expect(user.getByText('If a mobile number is on record for this account, we sent a code to it.')).toBeVisible();
  await expectAccessible(user);
  await user.getByLabel('Code', { exact: true }).fill(await latestSmsCode('+1 555 0101'));
  await user.getByRole('button', { name: 'Verify' }).click();
  await expect(user.getByText('You have 1 of 3 stars.')).toBeVisible();

  await user.getByRole('link', { name: 'Use this: Authenticator app code' }).click();
  await expectAccessible(user);
  // The next time step: the step used at enrolment is never accepted twice.
  await user.getByLabel('6-digit code').fill(totpCode(secret, Date.now() + 30_000));
  await user.getByRole('button', { name: 'Verify' }).click();
  await expect(user.getByText('You have 3 of 3 stars.')).toBeVisible();

  await user.getByRole('link', { name: 'Choose a new password' }).click();
  await user.getByLabel('New password').fill(newPassword);
  await user.getByLabel('Type it again').fill(newPassword);
  await user.getByRole('button', { name: 'Change my password' }).click();
  await expect(user.getByRole('heading', { name: 'Your password was changed' })).toBeVisible();
  expect(await passwordSignsIn(user.request, upn, newPassword)).toBe('granted');
  await context.close();
});

test('cancelling at Entra returns to the service list with the explanation (never a dead end)', async ({ page }) => {
  await startReset(page, upn);
  await page.getByRole('button', { name: 'Continue with Microsoft' }).click();
  await expect(page.getByLabel('Password')).toBeVisible();
  // The mock's interaction "abort" is Entra's cancel: back to the app with error=access_denied.
  await page.evaluate(() => {
    const form = document.createElement('form');
    form.method = 'post';
    form.action = `${location.pathname.replace(/\/$/, '')}/abort`;
    document.body.append(form);
    form.submit();
  });
  await expect(page).toHaveURL(/\/reset\/services\?entra=cancelled/);
  await expect(
    page.getByRole('alert').filter({ hasText: 'Microsoft Entra MFA cannot help you this time' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Use this: Text message code' })).toBeVisible();
  await expectAccessible(page);
});
