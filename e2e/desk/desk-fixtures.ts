// Helpers for the service-desk specs: axe checks, the desk push on the user's simulated Authenticator,
// and a smart lockout produced through the mock's scripted sign-in (10 wrong passwords).
import AxeBuilder from '@axe-core/playwright';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { openAuthenticator, tenantId, testClient } from '../fixtures/authenticator';
import { mockIdpUrl } from '../fixtures/ports';

export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The user answers the desk's push on their phone: types the number, taps Yes, unlocks with the PIN. */
export async function answerDeskPush(
  context: BrowserContext,
  upn: string,
  answer: { number: number } | 'deny' | 'report',
): Promise<Page> {
  const phone = await openAuthenticator(context, upn);
  await expect(phone.getByRole('heading', { name: 'Are you on a call with your service desk?' })).toBeVisible();
  if (answer === 'deny') {
    await phone.getByRole('button', { name: 'No, it’s not me' }).click();
  } else if (answer === 'report') {
    await phone.getByRole('button', { name: 'Report suspicious activity' }).click();
  } else {
    await phone.getByLabel('Enter the number the service desk agent reads to you.').fill(String(answer.number));
    await phone.getByRole('button', { name: 'Yes' }).click();
    // Wait for the app's answer page: the PIN step after a matching number, or the mismatch message.
    const unlock = phone.getByRole('heading', { name: 'Confirm it’s you' });
    await expect(unlock.or(phone.getByRole('status').filter({ hasText: 'didn’t match' }))).toBeVisible({
      timeout: 15_000,
    });
    if (await unlock.isVisible()) {
      await phone.getByLabel('Authenticator PIN').fill('1234');
      await phone.getByRole('button', { name: 'Unlock' }).click();
      await expect(phone.getByRole('status').filter({ hasText: 'Approved' })).toBeVisible({ timeout: 15_000 });
    }
  }
  return phone;
}

/** Ten wrong passwords: Entra smart lockout (mock) locks the account and logs error 50053 on the next try. */
export async function lockOut(page: Page, upn: string): Promise<void> {
  for (let i = 0; i < 11; i++) {
    await page.request.post(`${mockIdpUrl}/control/scripted-sign-in`, {
      data: {
        tenant: tenantId,
        clientId: testClient.clientId,
        clientSecret: 'dev-secret-test',
        redirectUri: testClient.redirectUri,
        userPrincipalName: upn,
        methods: ['password'],
        password: `Wrong-${i}-password!`,
        exchangeCode: false,
      },
    });
  }
}
