// Issue 14: reset and unlock never leave a user stuck or retyping. A refused username stays in its field
// with the reason tied to it; at 2 of 3 stars after Microsoft's password prompt the page demotes Entra MFA,
// confirms each check, counts tries per code and shows how to reach the service desk; once verified the
// other services fold away; a weak password lists the refused rules at the fields.
import { expect, test } from '@playwright/test';
import { authenticatorApprove, readPushNumber, resetTenant } from '../fixtures/authenticator';
import { clearDevSink } from '../fixtures/dev-sink';
import { portalUrl } from '../fixtures/portal';
import { shootInBothLanguages } from '../fixtures/screens';
import { expectAccessible, latestEmailCode, latestSmsCode, startReset } from './reset-helpers';

const adele = 'adele.vance@contoso.test';
const pradeep = 'pradeep.gupta@contoso.test';
const folder = 'experience-screens';

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
  await clearDevSink();
});

test('a refused username keeps its value, says what is wrong next to the field, and the hint uses the tenant domain', async ({
  page,
}) => {
  await page.goto(`${portalUrl}/reset`);
  const field = page.getByLabel('Work username or email');
  await expect(field).toBeFocused();
  await expect(page.getByText('For example name@contoso.test')).toBeVisible();
  await field.fill('adele.vance');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/reset\?error=invalidInput/);
  await expect(field).toHaveValue('adele.vance');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(
    /has an @ and your organisation's domain, for example name@contoso\.test/,
  );
  // No generic banner on top of the field's own message.
  await expect(page.getByText('Check what you entered and try again.')).toHaveCount(0);
  await expectAccessible(page);
  await shootInBothLanguages(page, folder, 'reset-start-refused-username');
});

test("at 2 of 3 stars after Microsoft's password prompt: Entra MFA demoted, checks confirmed, tries counted, desk shown", async ({
  page,
}) => {
  await startReset(page, adele);
  await expect(page.getByTestId('desk-help')).toContainText("Can't use any of these?");
  await page.getByRole('button', { name: 'Continue with Microsoft' }).click();
  await expect(page.getByLabel('Password')).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(`${portalUrl}/reset/services`);
  const banner = page.getByText('You came back from Microsoft before finishing.');
  await expect(banner).toBeVisible();
  // Demoted: no longer the primary action, listed after the other services, with the reason.
  await expect(page.getByRole('button', { name: 'Continue with Microsoft' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Try Microsoft again' })).toBeVisible();
  await expect(page.locator('li[data-service]').last()).toHaveAttribute('data-service', 'entraMfa');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Use this: Text message code' }).click();
  await page.getByRole('button', { name: 'Send a code' }).click();
  const code = await latestSmsCode('+1 555 0101');
  await expect(page.getByText('You have 5 tries left for this code.')).toBeVisible();
  await page.getByLabel('Code', { exact: true }).fill(code === '00000000' ? '11111111' : '00000000');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That code is not right.' })).toBeVisible();
  await expect(page.getByText('You have 4 tries left for this code.')).toBeVisible();
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();

  await expect(
    page.getByRole('status').filter({ hasText: "Text message code confirmed it's you: 1 star added." }),
  ).toBeVisible();
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('desk-help')).toContainText('You need 2 more stars');

  await page.getByRole('link', { name: 'Use this: Email code' }).click();
  await page.getByRole('button', { name: 'Send a code' }).click();
  await page.getByLabel('Code', { exact: true }).fill(await latestEmailCode('adele.vance@personal.test'));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('You have 2 of 3 stars.')).toBeVisible();
  const desk = page.getByTestId('desk-help');
  await expect(desk).toContainText('You need 1 more star');
  await expect(desk.getByRole('link', { name: '+1 555 0100' })).toHaveAttribute('href', 'tel:+15550100');
  await expect(desk).toContainText('Monday to Friday, 8:00 to 18:00');
  await expect(banner).toHaveCount(0);
  await expectAccessible(page);
  await shootInBothLanguages(page, folder, 'reset-services-two-of-three');
});

test('unlock: the Entra MFA card speaks to someone who remembers the password', async ({ page }) => {
  await startReset(page, adele, 'unlock');
  const card = page.locator('li[data-service="entraMfa"]');
  await expect(card).toContainText('your password and the approval or code Microsoft asks for');
  await expect(card).not.toContainText('forgot');
  await expectAccessible(page);
  await shootInBothLanguages(page, folder, 'unlock-services');
});

test('once verified the other services fold away; a weak password lists the refused rules at the fields', async ({
  page,
  context,
}) => {
  await startReset(page, pradeep);
  await page.getByRole('button', { name: 'Continue with Microsoft' }).click();
  await page.getByRole('button', { name: 'Send notification' }).click();
  await authenticatorApprove(context, pradeep, await readPushNumber(page), { pin: '1234' });
  await expect(page).toHaveURL(/\/reset\/services\?entra=verified/, { timeout: 30_000 });
  await expect(page.getByText('You have 3 of 3 stars.')).toBeVisible();
  await expect(page.getByRole('link', { name: /^Use this/ })).toHaveCount(0);
  await expect(page.getByText('4 other services, not needed now')).toBeVisible();
  await expect(page.getByTestId('desk-help')).toHaveCount(0);
  await expectAccessible(page);
  await shootInBothLanguages(page, folder, 'reset-services-enough');

  await page.getByRole('link', { name: 'Choose a new password' }).click();
  // Nothing typed: no rule is ticked, not even "at most 256 characters".
  await expect(page.locator('[data-rule="maxLength"]')).toHaveAttribute('data-passed', 'false');
  await page.getByLabel('New password').fill('short1');
  await page.getByLabel('Type it again').fill('short1');
  await page.getByRole('button', { name: 'Change my password' }).click();
  await expect(page).toHaveURL(/\/reset\/new-password\?error=passwordRules/);
  const refused = page.getByTestId('refused-rules');
  await expect(refused).toContainText('Your password was not changed. Fix these rules:');
  await expect(refused).toContainText('Be at least 12 characters long');
  await expect(refused).not.toContainText('Match in both fields');
  await expect(page.getByLabel('New password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('New password')).toHaveAccessibleDescription(/Be at least 12 characters long/);
  await expect(page.locator('[data-rule="minLength"]')).toHaveAttribute('data-refused', 'true');
  await expectAccessible(page);
  await shootInBothLanguages(page, folder, 'reset-new-password-refused');
  await page.getByLabel('New password').fill('Blue-Harbour');
  await expect(refused).toHaveCount(0);
});
