// Issue 4 (d): code brute force, code reuse, an expired (replaced) code, account enumeration and a
// forged Entra callback carrying another account's oid are all refused.
import { expect, test, type Page } from '@playwright/test';
import { authenticatorApprove, readPushNumber, resetTenant } from '../fixtures/authenticator';
import { clearDevSink } from '../fixtures/dev-sink';
import { portalUrl } from '../fixtures/portal';
import { expectAccessible, latestSmsCode, startReset } from './reset-helpers';

// Lynne (password + push, a mobile number of record) so these attempts do not use up the per-account
// limits of the accounts the other specs reset within the same portal run.
const upn = 'lynne.robbins@contoso.test';
const phone = '+1 555 0109';

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
  await clearDevSink();
});

async function sendSms(page: Page): Promise<void> {
  await page.goto(`${portalUrl}/reset/verify/sms`);
  await page.getByRole('button', { name: /Send a (new )?code/ }).click();
}

async function enterCode(page: Page, code: string): Promise<void> {
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
}

test('(d) code brute force: after 5 wrong tries even the right code is refused', async ({ page }) => {
  await startReset(page, upn);
  await sendSms(page);
  const code = await latestSmsCode(phone);
  const wrong = code === '00000000' ? '11111111' : '00000000';
  for (let i = 0; i < 5; i++) {
    await enterCode(page, wrong);
    await expect(page.getByRole('alert').filter({ hasText: 'That code is not right' })).toBeVisible();
  }
  await expectAccessible(page);
  await enterCode(page, code);
  await expect(page.getByRole('alert').filter({ hasText: 'Too many wrong tries' })).toBeVisible();
  await page.goto(`${portalUrl}/reset/services`);
  await expect(page.getByText('You have 0 of 3 stars.')).toBeVisible();
});

test('(d) code reuse and an expired (replaced) code are refused', async ({ page, browser }) => {
  await startReset(page, upn);
  await sendSms(page);
  const first = await latestSmsCode(phone);
  await page.getByRole('button', { name: 'Send a new code' }).click();
  const second = await latestSmsCode(phone, 2);
  if (first !== second) {
    await enterCode(page, first);
    await expect(page.getByRole('alert').filter({ hasText: 'That code is not right' })).toBeVisible();
  }
  await enterCode(page, second);
  await expect(page.getByText('You have 1 of 3 stars.')).toBeVisible();
  // The same code again, in this session and in another browser's session: refused.
  await page.goto(`${portalUrl}/reset/verify/sms?sent=1`);
  await enterCode(page, second);
  await expect(page.getByRole('alert').filter({ hasText: 'expired or was already used' })).toBeVisible();
  const other = await (await browser.newContext()).newPage();
  await startReset(other, upn);
  await other.goto(`${portalUrl}/reset/verify/sms?sent=1`);
  await enterCode(other, second);
  await expect(other.getByRole('alert').filter({ hasText: 'expired or was already used' })).toBeVisible();
});

test('(d) enumeration: the same answer, cookies and service list for an existing and an unknown account', async ({
  browser,
}) => {
  const answers = [];
  for (const username of [upn, 'nobody.here@contoso.test']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${portalUrl}/reset`);
    const responsePromise = page.waitForResponse((r) => r.url() === `${portalUrl}/reset/actions/start`);
    await page.getByLabel('Work username or email').fill(username);
    await page.getByRole('button', { name: 'Continue' }).click();
    const response = await responsePromise;
    const headers = await response.allHeaders();
    await expect(page).toHaveURL(`${portalUrl}/reset/services`);
    const cookies = (await context.cookies()).map((c) => ({
      name: c.name,
      httpOnly: c.httpOnly,
      sameSite: c.sameSite,
    }));
    const services = await page.locator('main').innerText();
    await page.goto(`${portalUrl}/reset/verify/sms`);
    await page.getByRole('button', { name: 'Send a code' }).click();
    const sent = await page.locator('main').innerText();
    answers.push({
      status: response.status(),
      location: headers.location,
      headerNames: Object.keys(headers)
        .filter((h) => h !== 'date')
        .sort(),
      cookies,
      services,
      sent,
    });
    await context.close();
  }
  expect(answers[1]).toEqual(answers[0]);
  expect(answers[0]?.cookies).toEqual([{ name: 'verity-reset', httpOnly: true, sameSite: 'Lax' }]);
});

test('(d) a forged Entra callback carrying another account’s code (bad oid) is refused', async ({ page, browser }) => {
  // The victim's reset session starts the Entra round trip; the attacker captures its authorize request.
  await startReset(page, upn);
  const authorize = page.waitForRequest((r) => r.url().includes('/oauth2/v2.0/authorize'));
  await page.getByRole('button', { name: 'Continue with Microsoft' }).click();
  const authorizeUrl = new URL((await authorize).url());
  // The attacker signs in as another (passwordless) account with the same request and keeps the code.
  const attackerContext = await browser.newContext({ ignoreHTTPSErrors: true });
  const attacker = await attackerContext.newPage();
  // Playwright cannot route the target of a redirect: observe the browser's request to the callback. The
  // attacker's browser has no reset session, so the portal does not spend the code there.
  const callback = attacker.waitForRequest((r) => r.url().startsWith(`${portalUrl}/reset/verify/entra/callback`), {
    timeout: 45_000,
  });
  authorizeUrl.searchParams.set('login_hint', 'pradeep.gupta@contoso.test');
  await attacker.goto(authorizeUrl.href);
  await attacker.getByRole('button', { name: 'Send notification' }).click();
  await authenticatorApprove(attackerContext, 'pradeep.gupta@contoso.test', await readPushNumber(attacker));
  const forged = (await callback).url();
  expect(new URL(forged).searchParams.get('code')).toBeTruthy();
  // Delivered to the victim's session: the token's oid is not the account being reset.
  await page.goto(forged);
  await expect(page).toHaveURL(/\/reset\/services\?entra=oidMismatch/);
  await expect(page.getByRole('alert').filter({ hasText: 'different account' })).toBeVisible();
  await expect(page.getByText('You have 0 of 3 stars.')).toBeVisible();
  await attackerContext.close();
});
