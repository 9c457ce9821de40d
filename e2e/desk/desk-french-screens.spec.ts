// Issue 14: the desk console in French at 1280 and 390 px, with the pending push's time left and the Temporary
// Access Pass spelled with the French telephone alphabet (test-results/experience-screens/), axe-checked.
import { expect, test, type Page } from '@playwright/test';
import { z } from 'zod';
import { readJsonFile } from '../fixtures/json';
import { closePhone, resetTenant } from '../fixtures/authenticator';
import { signInToPortal } from '../fixtures/portal';
import { setPortalLocale } from '../fixtures/screens';
import { answerDeskPush, expectAccessible, lockOut } from './desk-fixtures';

test.describe.configure({ timeout: 180_000 });

const label = z.object({ label: z.string() });
const fr = readJsonFile(
  z.object({
    search: z.object({ label: z.string(), button: z.string() }),
    card: z.object({ start: z.string() }),
    verify: z.object({ sendPush: z.string() }),
    actions: z.object({ issueTemporaryAccessPass: label, unlock: label, confirm: z.object({ yes: z.string() }) }),
  }),
  'messages/fr/desk.json',
);

async function shoot(page: Page, name: string): Promise<void> {
  await expectAccessible(page);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 1280 ? 900 : 844 });
    await page.screenshot({ path: `test-results/experience-screens/fr-desk-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

// Diego, not Pradeep: the desk allows 3 pushes per target in 15 minutes, and the English desk specs already send
// Pradeep three.
test('the desk console in French: push time left, pass spelled in French', async ({ page, context }) => {
  await resetTenant(page);
  await lockOut(page, 'diego.siciliani@contoso.test');
  await signInToPortal(page, 'lynne.robbins@contoso.test', '/desk');
  await setPortalLocale(page, 'fr');
  await page.reload();
  await page.getByLabel(fr.search.label).fill('diego');
  await page.getByRole('button', { name: fr.search.button }).click();
  await page.getByRole('button', { name: /Diego Siciliani/ }).click();
  await page.getByRole('button', { name: fr.card.start }).click();
  await page.getByRole('button', { name: fr.verify.sendPush }).click();
  await expect(page.getByTestId('push-time-left')).toContainText(/La notification expire dans \d+ secondes\./);
  await shoot(page, 'push-pending');
  const number = Number(await page.getByTestId('desk-push-number').textContent());
  await closePhone(await answerDeskPush(context, 'diego.siciliani@contoso.test', { number }));
  await expect(page.getByRole('timer')).toBeVisible();
  await page.getByRole('button', { name: fr.actions.issueTemporaryAccessPass.label }).click();
  await page.getByRole('button', { name: fr.actions.confirm.yes }).click();
  await expect(page.getByTestId('tap-region')).toBeFocused();
  await expect(page.getByTestId('tap-spelled')).toContainText(/majuscule|minuscule|zéro|un|deux|trois|quatre|cinq/);
  await shoot(page, 'tap');
});
