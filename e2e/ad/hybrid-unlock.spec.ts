// Issue 10 (item 9), against a real Samba AD DC: wrong passwords by real LDAP binds lock a synced user in
// AD (the domain policy's threshold); the portal shows nothing different before verification, the user
// proves it is them with SMS and email codes and unlocks; AD's lockoutTime is 0 again and the usual
// password works by bind and at the mock Entra (pass-through).
import { expect, test } from '@playwright/test';
import { demoPassword, resetTenant } from '../fixtures/authenticator';
import { clearDevSink, waitForEmails } from '../fixtures/dev-sink';
import { expectAccessible, passwordSignsIn, startReset, unlockStarsByCodes } from '../reset/reset-helpers';
import { signInToPortal } from '../fixtures/portal';
import { canBind, lockOutInAd, lockoutOf } from './ad-dc';
import { shootHybridPage } from './ad-screens';

const henrietta = 'henrietta.mueller@contoso.test';

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
  await clearDevSink();
});

test('a synced user locked out in AD by real bad binds unlocks through the portal', async ({ page }) => {
  await lockOutInAd(henrietta);
  expect((await lockoutOf(henrietta)).lockoutTime).not.toBe('0');
  expect(await canBind(henrietta, demoPassword)).toBe(false);
  expect(await passwordSignsIn(page.request, henrietta, demoPassword, ['password'])).toBe('failed');

  // The readiness report shows AD's lockout and the self-service refusals of the synced users.
  await signInToPortal(page, 'patti.fernandez@contoso.test', '/admin/readiness');
  const row = (upn: string) => page.getByTestId('on-premises-row').filter({ hasText: upn });
  await expect(row(henrietta)).toContainText(/Locked since .* \(5 bad passwords\)/);
  await expect(row('joni.sherman@contoso.test')).toContainText('Disabled in Active Directory');
  await expect(row('raul.razo@contoso.test')).toContainText('A protected Active Directory account');
  await shootHybridPage(page, 'readiness-ad-state');
  await page.context().clearCookies();

  await startReset(page, henrietta, 'unlock');
  await expect(page.getByRole('heading', { name: "Prove it's you to unlock" })).toBeVisible();
  await unlockStarsByCodes(page, { phone: '+1 555 0201', email: 'henrietta.mueller@personal.test' });
  await page.getByRole('button', { name: 'Unlock my account' }).click();
  await expect(page.getByRole('heading', { name: 'Your account is unlocked' })).toBeVisible();
  await expectAccessible(page);

  expect((await lockoutOf(henrietta)).lockoutTime).toBe('0');
  expect(await canBind(henrietta, demoPassword)).toBe(true);
  expect(await passwordSignsIn(page.request, henrietta, demoPassword)).toBe('granted');
  const emails = await waitForEmails('henrietta.mueller@personal.test', 2);
  expect(emails.map((e) => e.subject)).toContain('Your account was unlocked');
});
