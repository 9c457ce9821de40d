// Sign-in pages of the mock Entra ID with the simulated Authenticator (issue 3, Playwright acceptance).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  authenticatorApprove,
  demoPassword,
  enterUsername,
  expectSignedIn,
  openAuthenticator,
  readPushNumber,
  resetClient,
  resetTenant,
  startSignIn,
} from '../fixtures/authenticator';

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
});

test('passwordless: Send notification, number in the app, PIN, signed in with no password', async ({
  page,
  context,
}) => {
  await startSignIn(page);
  await expect(page.getByText('Mock Entra ID — development only').first()).toBeVisible();
  await expectAccessible(page);
  await enterUsername(page, 'pradeep.gupta@contoso.test');
  await expect(
    page.getByRole('heading', { name: 'Approve a request on my Microsoft Authenticator app' }),
  ).toBeVisible();
  await expect(page.getByLabel('Password')).toHaveCount(0);
  await page.getByRole('button', { name: 'Send notification' }).click();
  const number = await readPushNumber(page);
  expect(number).toBeGreaterThanOrEqual(10);
  expect(number).toBeLessThanOrEqual(99);
  await expectAccessible(page);
  const phone = await openAuthenticator(context, 'pradeep.gupta@contoso.test');
  await expect(phone.getByText('Mock IdP Test Client')).toBeVisible();
  await expectAccessible(phone);
  await phone.close();
  await authenticatorApprove(context, 'pradeep.gupta@contoso.test', number, { pin: '1234' });
  await expectSignedIn(page);
});

test('password then push with number matching (biometric unlock)', async ({ page, context }) => {
  await startSignIn(page);
  await enterUsername(page, 'adele.vance@contoso.test');
  await expectAccessible(page);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Approve sign in request' })).toBeVisible();
  await page.getByRole('button', { name: 'Send notification' }).click();
  const number = await readPushNumber(page);
  await authenticatorApprove(context, 'adele.vance@contoso.test', number, 'biometric');
  await expectSignedIn(page);
});

test('Sign-in options: a passwordless user picks the password instead', async ({ page, context }) => {
  await startSignIn(page);
  await enterUsername(page, 'pradeep.gupta@contoso.test');
  await page.getByRole('link', { name: 'Other ways to sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Sign-in options' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Password' }).click();
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // After the password, CA asks for MFA: push is offered (phone sign-in cannot be layered on a password).
  await page.getByRole('button', { name: 'Send notification' }).click();
  await authenticatorApprove(context, 'pradeep.gupta@contoso.test', await readPushNumber(page));
  await expectSignedIn(page);
});

test('a wrong number in the app fails the request', async ({ page, context }) => {
  await startSignIn(page, { loginHint: 'pradeep.gupta@contoso.test' });
  await page.getByRole('button', { name: 'Send notification' }).click();
  const number = await readPushNumber(page);
  const phone = await openAuthenticator(context, 'pradeep.gupta@contoso.test');
  await phone.getByLabel('Enter the number shown to sign in.').fill(String(number === 99 ? 10 : number + 1));
  await phone.getByRole('button', { name: 'Yes' }).click();
  await expect(phone.getByRole('status')).toContainText('didn’t match');
  await expect(page.getByRole('alert')).toContainText('You entered the wrong number', { timeout: 10_000 });
});

test('push rate limit: a burst of unanswered notifications blocks further ones', async ({ page }) => {
  await startSignIn(page, { loginHint: 'grady.archie@contoso.test' });
  await page.getByRole('button', { name: 'Send notification' }).click();
  for (let i = 0; i < 3; i++) {
    await readPushNumber(page);
    await page.getByRole('button', { name: 'Send another request' }).click();
  }
  // The fourth request (three unanswered before it) is refused.
  await expect(page.getByRole('alert')).toContainText('too many notifications');
});

test('smart lockout after 10 wrong passwords', async ({ page }) => {
  await startSignIn(page, { loginHint: 'nestor.wilke@contoso.test' });
  for (let i = 0; i < 10; i++) {
    await page.getByLabel('Password').fill(`Wrong-${i}-Password!`);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await expect(page.getByRole('alert')).toContainText('temporarily locked');
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('temporarily locked');
});

test('Passwordless MFA policy interrupts a password session; restarting with phone sign-in satisfies it', async ({
  page,
  context,
}) => {
  await startSignIn(page, { client: resetClient });
  await enterUsername(page, 'pradeep.gupta@contoso.test');
  await page.getByRole('link', { name: 'Other ways to sign in' }).click();
  await page.getByRole('link', { name: 'Password' }).click();
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page.getByRole('heading', { name: 'Your organization requires a stronger way to sign in' }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Sign in another way' }).click();
  await page.getByRole('link', { name: 'Approve a request on my Microsoft Authenticator app' }).click();
  await page.getByRole('button', { name: 'Send notification' }).click();
  await authenticatorApprove(context, 'pradeep.gupta@contoso.test', await readPushNumber(page));
  await expectSignedIn(page);
});
