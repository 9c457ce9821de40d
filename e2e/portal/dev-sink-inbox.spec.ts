// Issue 14: the development sink's /messages and /sms are a small HTML inbox for people (the JSON lists the
// tests read stay at ?format=json).
import { expect, test } from '@playwright/test';
import { clearDevSink } from '../fixtures/dev-sink';
import { devSinkUrl } from '../fixtures/portal';
import { expectAccessible } from '../reset/reset-helpers';

test('the SMS and e-mail inboxes are readable pages at phone and laptop width', async ({ page }) => {
  await clearDevSink();
  await page.request.post(`${devSinkUrl}/sms`, {
    data: { to: '+1 555 0101', body: 'Your Verity verification code is 12345678.' },
  });
  await page.goto(`${devSinkUrl}/sms`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('SMS: 1 received, newest first');
  await expect(page.getByText('Your Verity verification code is 12345678.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'JSON' })).toHaveAttribute('href', '/sms?format=json');
  await expectAccessible(page);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `test-results/experience-screens/dev-sink-sms-${width}.png`, fullPage: true });
  }
  await page.getByRole('link', { name: 'E-mail' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('E-mail: 0 received, newest first');
  await expectAccessible(page);
});
