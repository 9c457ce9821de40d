// Issue 14: locked-out users arrive from kiosk browsers and the restricted web views of logon screens, often
// without JavaScript. The reset and unlock flows are plain forms that post, with server-rendered feedback:
// a full reset by SMS code (plus the authenticator app set up earlier), a full reset through Entra MFA, and an
// unlock, with scripts disabled.
// (axe needs script in the page, so the same pages are checked for accessibility by the other reset specs.)
import * as OTPAuth from 'otpauth';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { authenticatorApprove, demoPassword, readPushNumber, resetTenant } from '../fixtures/authenticator';
import { clearDevSink } from '../fixtures/dev-sink';
import { portalUrl, signInToPortal } from '../fixtures/portal';
import { latestEmailCode, latestSmsCode, newPassword, passwordSignsIn, verifyByCode } from './reset-helpers';

const upn = 'adele.vance@contoso.test';

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
  await clearDevSink();
});

async function withoutJavaScript(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, ignoreHTTPSErrors: true });
  return context.newPage();
}

async function start(page: Page, purpose: 'reset' | 'unlock', username = upn): Promise<void> {
  await page.goto(`${portalUrl}/${purpose}`);
  await page.getByLabel('Work username or email').fill(username);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(`${portalUrl}/${purpose}/services`);
}

test('a full reset by SMS code and authenticator app code with JavaScript disabled', async ({ page, browser }) => {
  // Earlier, in an ordinary browser: the authenticator app is set up on /account.
  await signInToPortal(page, upn, '/account');
  await page.getByRole('link', { name: 'Set up an authenticator app' }).click();
  const secret = (await page.getByTestId('totp-secret').getAttribute('data-secret')) ?? '';
  const totp = (at: number) =>
    new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at });
  await page.getByLabel('6-digit code').fill(totp(Date.now()));
  await page.getByRole('button', { name: 'Finish set-up' }).click();
  await expect(page.getByText('Your authenticator app is set up.')).toBeVisible();

  const user = await withoutJavaScript(browser);
  await start(user, 'reset');
  // A wrong code is answered by the server, on the page, with the tries left.
  await user.getByRole('link', { name: 'Use this: Text message code' }).click();
  await user.getByRole('button', { name: 'Send a code' }).click();
  const code = await latestSmsCode('+1 555 0101');
  await user.getByLabel('Code', { exact: true }).fill(code === '00000000' ? '11111111' : '00000000');
  await user.getByRole('button', { name: 'Verify' }).click();
  await expect(user.getByRole('alert').filter({ hasText: 'That code is not right.' })).toBeVisible();
  await expect(user.getByText('You have 4 tries left for this code.')).toBeVisible();
  await user.getByLabel('Code', { exact: true }).fill(code);
  await user.getByRole('button', { name: 'Verify' }).click();
  await expect(user.getByText('You have 1 of 3 stars.')).toBeVisible();

  await user.getByRole('link', { name: 'Use this: Authenticator app code' }).click();
  await user.getByLabel('6-digit code').fill(totp(Date.now() + 30_000));
  await user.getByRole('button', { name: 'Verify' }).click();
  await expect(user.getByText('You have 3 of 3 stars.')).toBeVisible();

  await user.getByRole('link', { name: 'Choose a new password' }).click();
  // A weak password: the server lists the refused rules next to the fields.
  await user.getByLabel('New password').fill('short1');
  await user.getByLabel('Type it again').fill('short1');
  await user.getByRole('button', { name: 'Change my password' }).click();
  await expect(user.getByTestId('refused-rules')).toContainText('Be at least 12 characters long');
  await user.getByLabel('New password').fill(newPassword);
  await user.getByLabel('Type it again').fill(newPassword);
  await user.getByRole('button', { name: 'Change my password' }).click();
  await expect(user.getByRole('heading', { name: 'Your password was changed' })).toBeVisible();
  await user.getByRole('button', { name: 'Sign out other sessions' }).click();
  await expect(user.getByText('Your other sessions were ended.')).toBeVisible();
  expect(await passwordSignsIn(user.request, upn, newPassword)).toBe('granted');
  await user.context().close();
});

test('an unlock by SMS and email codes with JavaScript disabled', async ({ page, browser }) => {
  // Diego, not Adele: codes sent are limited per account (5 an hour), and the reset specs spend Adele's.
  const upn = 'diego.siciliani@contoso.test';
  for (let i = 0; i < 10; i++) await passwordSignsIn(page.request, upn, `Wrong-${i}-Password!`, ['password']);
  expect(await passwordSignsIn(page.request, upn, demoPassword)).toBe('failed');
  const user = await withoutJavaScript(browser);
  await start(user, 'unlock', upn);
  await verifyByCode(user, 'Text message code', () => latestSmsCode('+1 555 0106'));
  await expect(user.getByText('You have 1 of 2 stars.')).toBeVisible();
  await verifyByCode(user, 'Email code', () => latestEmailCode('diego.siciliani@personal.test'));
  await expect(user.getByText('You have 2 of 2 stars.')).toBeVisible();
  await user.getByRole('button', { name: 'Unlock my account' }).click();
  await expect(user.getByRole('heading', { name: 'Your account is unlocked' })).toBeVisible();
  expect(await passwordSignsIn(user.request, upn, demoPassword)).toBe('granted');
  await user.context().close();
});

test('a passwordless user resets through Entra MFA with JavaScript disabled', async ({ context, browser }) => {
  const upn = 'pradeep.gupta@contoso.test';
  const user = await withoutJavaScript(browser);
  await start(user, 'reset', upn);
  await expect(user.getByText('You have 0 of 3 stars.')).toBeVisible();
  await user.getByRole('button', { name: 'Continue with Microsoft' }).click();
  await expect(user.getByText('Mock Entra ID — development only').first()).toBeVisible();
  await user.getByRole('button', { name: 'Send notification' }).click();
  // The phone is another device: its simulated Authenticator runs in an ordinary browser (`context`).
  await authenticatorApprove(context, upn, await readPushNumber(user), { pin: '1234' });
  // Without script the mock's page cannot poll for the answer (mock-idp/assets/push-status.js submits this same
  // form when the app has answered), so the user says so, as on Microsoft's own page.
  await user.getByRole('button', { name: "I've approved it" }).click();
  await expect(user).toHaveURL(/\/reset\/services\?entra=verified/, { timeout: 30_000 });
  await expect(user.getByRole('status').filter({ hasText: 'Microsoft Entra MFA confirmed it' })).toBeVisible();
  await expect(user.getByText('You have 3 of 3 stars.')).toBeVisible();
  await user.getByRole('link', { name: 'Choose a new password' }).click();
  await user.getByLabel('New password').fill(newPassword);
  await user.getByLabel('Type it again').fill(newPassword);
  await user.getByRole('button', { name: 'Change my password' }).click();
  await expect(user.getByRole('heading', { name: 'Your password was changed' })).toBeVisible();
  expect(await passwordSignsIn(user.request, upn, newPassword)).toBe('granted');
  await user.context().close();
});
