// Usable at a real desk: the whole verification and an unlock with the keyboard only, focus back on the opener
// after a cancelled confirmation, and screenshots of every desk page at laptop (1280 px) and phone (390 px)
// widths in test-results/desk-screens/.
import { expect, test, type Page } from '@playwright/test';
import { closePhone, resetTenant } from '../fixtures/authenticator';
import { signInToPortal } from '../fixtures/portal';
import { answerDeskPush, expectAccessible, lockOut } from './desk-fixtures';

// Several sign-ins and a second browser per test; the shared 2-core machine can be slow.
test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
});

/** Tabs forward until `name` has focus (at most 60 presses), then returns. */
async function tabTo(page: Page, role: 'button' | 'textbox', name: string | RegExp): Promise<void> {
  const target = page.getByRole(role, { name });
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${String(name)} with Tab`);
}

test('keyboard only: search, open the card, verify by push, unlock', async ({ page, context }) => {
  // Unlock is offered only for an account the card shows as locked out.
  await lockOut(page, 'pradeep.gupta@contoso.test');
  await signInToPortal(page, 'lynne.robbins@contoso.test', '/desk');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, 'textbox', 'Name, username, email or phone');
  await page.keyboard.type('pradeep');
  await page.keyboard.press('Enter');
  await tabTo(page, 'button', /Pradeep Gupta/);
  await page.keyboard.press('Enter');
  await tabTo(page, 'button', 'Start verifying this caller');
  await page.keyboard.press('Enter');
  await tabTo(page, 'button', 'Send Authenticator push');
  await page.keyboard.press('Enter');
  const number = Number(await page.getByTestId('desk-push-number').textContent());
  await closePhone(await answerDeskPush(context, 'pradeep.gupta@contoso.test', { number }));
  await expect(page.getByRole('button', { name: 'Unlock the account' })).toBeEnabled({ timeout: 15_000 });
  await tabTo(page, 'button', 'Unlock the account');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'The user has been notified by email.' })).toBeVisible();
});

test('screenshots of the desk pages at 1280 and 390 px', async ({ page, context, browser }) => {
  const shoot = async (target: Page, name: string) => {
    for (const width of [1280, 390]) {
      await target.setViewportSize({ width, height: width === 1280 ? 900 : 844 });
      await target.screenshot({ path: `test-results/desk-screens/${name}-${width}.png`, fullPage: true });
    }
    await target.setViewportSize({ width: 1280, height: 900 });
  };
  await signInToPortal(page, 'lynne.robbins@contoso.test', '/desk');
  await page.getByLabel('Name, username, email or phone').fill('pradeep');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: /Pradeep Gupta/ }).click();
  await expect(page.getByRole('heading', { name: 'Pradeep Gupta' })).toBeVisible();
  await shoot(page, 'console-card');
  await page.getByRole('button', { name: 'Start verifying this caller' }).click();
  await page.getByRole('button', { name: 'Send Authenticator push' }).click();
  const number = Number(await page.getByTestId('desk-push-number').textContent());
  await shoot(page, 'console-push-pending');
  await closePhone(await answerDeskPush(context, 'pradeep.gupta@contoso.test', { number }));
  await expect(page.getByRole('timer')).toBeVisible();
  // Cancelling a confirmation (button or Escape) puts focus back on the button that opened it.
  const issuePass = page.getByRole('button', { name: 'Issue a Temporary Access Pass' });
  await issuePass.click();
  await expect(page.getByRole('button', { name: 'Yes, continue' })).toBeFocused();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('confirm-action')).toHaveCount(0);
  await expect(issuePass).toBeFocused();
  const requireChange = page.getByRole('button', { name: 'Require a password change' });
  await requireChange.click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('confirm-action')).toHaveCount(0);
  await expect(requireChange).toBeFocused();
  await issuePass.click();
  await page.getByRole('button', { name: 'Yes, continue' }).click();
  await expect(page.getByTestId('temporary-access-pass')).toBeVisible();
  await shoot(page, 'console-verified-tap');
  await expectAccessible(page);

  const others = await browser.newContext({ ignoreHTTPSErrors: true });
  const supervisor = await others.newPage();
  await signInToPortal(supervisor, 'grady.archie@contoso.test', '/desk/approvals');
  await shoot(supervisor, 'approvals');
  await supervisor.goto(supervisor.url().replace('/desk/approvals', '/desk/audit'));
  await expect(supervisor.getByTestId('chain-status')).toBeVisible();
  await expectAccessible(supervisor);
  await shoot(supervisor, 'audit');
  await others.close();
});
