// The "as of" date in the simulator (issue 15): the retirement view lists who loses reset or sign-in when
// Microsoft-provided SMS and voice stop on 1 February 2027 and what they should register, from each user's real
// methods (Megan Bowen has only a password and SMS in the demo tenant); the same date applied to the matrix makes
// Password + SMS unavailable, and the policy editor keeps the date through a save. Screenshots at 1280 and 390 px in English and French (test-results/as-of-screens/).
import { expect, test } from '@playwright/test';
import { shootInBothLanguages } from '../fixtures/screens';
import { importDemoPolicySet } from './import-demo-set';

const resetAppId = 'a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d01';

test('as of 2027-02-01: Megan loses MFA and should register a passkey; the matrix shows SMS retired', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const setUrl = await importDemoPolicySet(page, 'Retirements');

  // The day before the retirement: nobody is affected.
  await page.getByRole('link', { name: 'Method retirements' }).click();
  const form = page.getByRole('form', { name: 'Retirement date' });
  await expect(form.getByLabel('As of (date)')).toHaveValue('2027-02-01');
  await form.getByLabel('As of (date)').fill('2027-01-31');
  await form.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/asOf=2027-01-31/);
  await expect(page.getByText('No user has a registered method that is retired on 2027-01-31.')).toBeVisible();

  await form.getByLabel('As of (date)').fill('2027-02-01');
  await form.getByRole('button', { name: 'Show' }).click();
  const megan = page.locator('tr[data-user="megan.bowen@contoso.test"]');
  await expect(megan).toContainText('SMS');
  await expect(megan.locator('[data-column="register"]')).toHaveText(
    'Passkey (FIDO2), Microsoft Authenticator push, Authenticator app code (TOTP)',
  );
  await expect(page.getByTestId('retirement-affected')).toHaveText('1');
  await expect(page.getByTestId('retirement-losesMfa')).toHaveText('1');
  await shootInBothLanguages(page, 'as-of-screens', 'retirement');

  // The tabs carry the date; the matrix applies it: Password + SMS is no longer possible for Megan.
  await page.getByRole('link', { name: 'megan.bowen@contoso.test' }).click();
  await expect(page).toHaveURL(/matrix\?.*asOf=2027-02-01/);
  await expect(page.getByTestId('as-of')).toHaveText('Known method retirements applied as of 2027-02-01.');
  const smsCell = page.locator('tr[data-flow="passwordSms"] td[data-scenario="anyNetwork"]');
  await expect(smsCell).toHaveAttribute('data-outcome', 'unavailable');
  await smsCell.locator('summary').click();
  await expect(smsCell).toContainText('2027-02-01');
  await shootInBothLanguages(page, 'as-of-screens', 'matrix');

  // The policy editor carries the date too: opened from the dated policies tab, it says the date applies, its tabs
  // keep it, and saving comes back to the set with it.
  await page.goto(`${setUrl}?asOf=2027-02-01`);
  await page.locator('table a[href*="/policies/"]').first().click();
  await expect(page).toHaveURL(/\/policies\/[^?]+\?asOf=2027-02-01$/);
  await expect(page.getByTestId('as-of')).toHaveText('Known method retirements applied as of 2027-02-01.');
  await expect(page.getByRole('link', { name: 'What If' })).toHaveAttribute('href', /asOf=2027-02-01/);
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page).toHaveURL(/saved=1&asOf=2027-02-01$/);
  await expect(page.getByTestId('as-of')).toHaveText('Known method retirements applied as of 2027-02-01.');

  // Without the date the same cell is possible again; a date that is not one is refused with a message.
  await page.goto(`${setUrl}/matrix?user=megan.bowen%40contoso.test&app=${resetAppId}`);
  await expect(smsCell).not.toHaveAttribute('data-outcome', 'unavailable');
  await page.goto(`${setUrl}/what-if?user=megan.bowen%40contoso.test&app=${resetAppId}&asOf=2027-02-30`);
  await expect(page.getByText('The "as of" date "2027-02-30" is not a calendar date')).toBeVisible();
});
