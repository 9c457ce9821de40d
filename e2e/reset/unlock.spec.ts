// Issue 4 (c): unlock after smart lockout. Ten wrong passwords lock the account at the mock Entra; SMS and
// email codes (2 stars, unlock's threshold) unlock it; the right password works again.
import { expect, test } from '@playwright/test';
import { demoPassword, resetTenant } from '../fixtures/authenticator';
import { clearDevSink, waitForEmails } from '../fixtures/dev-sink';
import { expectAccessible, passwordSignsIn, startReset, unlockStarsByCodes } from './reset-helpers';

// Diego, not Adele: codes sent are limited per account (5 an hour) and the reset specs spend Adele's.
const upn = 'diego.siciliani@contoso.test';

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
  await clearDevSink();
});

test('(c) unlock after smart lockout with SMS and email codes', async ({ page }) => {
  for (let i = 0; i < 10; i++) await passwordSignsIn(page.request, upn, `Wrong-${i}-Password!`, ['password']);
  expect(await passwordSignsIn(page.request, upn, demoPassword)).toBe('failed');

  await startReset(page, upn, 'unlock');
  await expect(page.getByRole('heading', { name: "Prove it's you to unlock" })).toBeVisible();
  await expect(page.getByText('You have 0 of 2 stars.')).toBeVisible();
  await expectAccessible(page);
  await unlockStarsByCodes(page, { phone: '+1 555 0106', email: 'diego.siciliani@personal.test' });
  await expect(page.getByText('You have 2 of 2 stars.')).toBeVisible();
  await page.getByRole('button', { name: 'Unlock my account' }).click();
  await expect(page.getByRole('heading', { name: 'Your account is unlocked' })).toBeVisible();
  await expectAccessible(page);
  expect(await passwordSignsIn(page.request, upn, demoPassword)).toBe('granted');
  const emails = await waitForEmails('diego.siciliani@personal.test', 2);
  expect(emails.map((e) => e.subject)).toContain('Your account was unlocked');
});
