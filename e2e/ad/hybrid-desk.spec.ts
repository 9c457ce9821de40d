// Issue 10 (item 9), against a real Samba AD DC: the desk card of a synced user locked out in AD (real bad
// binds) shows AD's lockout; the agent verifies the caller by push, unlocks (lockoutTime=0 in AD, a real
// unlock) and sends a reset link, which leads to the portal's reset page.
import { expect, test } from '@playwright/test';
import { demoPassword, resetTenant } from '../fixtures/authenticator';
import { clearDevSink, waitForEmails } from '../fixtures/dev-sink';
import { portalUrl, signInToPortal } from '../fixtures/portal';
import { answerDeskPush, expectAccessible } from '../desk/desk-fixtures';
import { canBind, lockOutInAd, lockoutOf } from './ad-dc';
import { shootDeskCard } from './ad-screens';

const miriam = 'miriam.graham@contoso.test';

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
  await clearDevSink();
});

test('the desk unlocks a synced user in AD and sends a reset link', async ({ page, context }) => {
  await lockOutInAd(miriam);
  await signInToPortal(page, 'lynne.robbins@contoso.test', '/desk');
  await shootDeskCard(page, 'miriam', /Miriam Graham/, 'desk-card-locked');
  await expect(page.getByRole('heading', { name: 'Miriam Graham' })).toBeVisible();
  await expect(page.getByText(/Synced from Active Directory \(corp\.contoso\.test\)/)).toBeVisible();
  await expect(
    page.getByText(/Locked in Active Directory since .* \(5 bad passwords\); AD unlocks it at/),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Start verifying this caller' }).click();
  await page.getByRole('button', { name: 'Send Authenticator push' }).click();
  const number = Number(await page.getByTestId('desk-push-number').textContent());
  const phone = await answerDeskPush(context, miriam, { number });
  await expect(page.getByTestId('verification-history')).toContainText('Approved: the caller is verified.');
  await phone.close();

  await page.getByRole('button', { name: 'Unlock the account' }).click();
  await expect(page.getByText('The account is unlocked. The user has been notified by email.')).toBeVisible();
  expect((await lockoutOf(miriam)).lockoutTime).toBe('0');
  expect(await canBind(miriam, demoPassword)).toBe(true);
  // The case's actions follow AD's state: nothing left to unlock.
  await expect(page.getByRole('button', { name: 'Unlock the account' })).toBeDisabled();

  await page.getByRole('button', { name: 'Send a password reset link' }).click();
  await expect(page.getByText('A reset link was sent to the alternate email on record.')).toBeVisible();
  await expectAccessible(page);
  const emails = await waitForEmails('miriam.graham@personal.test', 2);
  const link = emails.map((e) => /(http\S+\/reset)\b/.exec(e.text)?.[1]).find(Boolean);
  expect(link).toBe(`${portalUrl}/reset`);
  await page.goto(link ?? '');
  await expect(page.getByLabel('Work username or email')).toBeVisible();
});
