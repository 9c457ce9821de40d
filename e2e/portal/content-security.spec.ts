// Content security in a real browser (issue 11, finding 8): every inline script of a page carries the
// request's nonce, the nonce changes per request, and an injected inline script or event handler (in a
// tampered response, as a stored or reflected XSS would put it) is refused with a CSP error in the console.
import { expect, test, type Page } from '@playwright/test';
import { resetTenant } from '../fixtures/authenticator';
import { portalUrl } from '../fixtures/portal';

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
});

function nonceOf(policy: string | undefined): string {
  const nonce = /'nonce-([^']+)'/.exec(policy ?? '')?.[1];
  expect(nonce, 'the page response has a nonce in its Content-Security-Policy').toBeTruthy();
  return nonce ?? '';
}

const inlineScriptNonces = (page: Page) =>
  page
    .locator('script:not([src])')
    .evaluateAll((scripts: HTMLScriptElement[]) => scripts.map((script) => script.nonce));
const externalScriptNonces = (page: Page) =>
  page.locator('script[src]').evaluateAll((scripts: HTMLScriptElement[]) => scripts.map((script) => script.nonce));

for (const path of ['/', '/reset', '/unlock', '/signin']) {
  test(`every inline script of ${path} carries the request's nonce, and the nonce is new per request`, async ({
    page,
  }) => {
    const first = await page.goto(`${portalUrl}${path}`);
    const nonce = nonceOf(first?.headers()['content-security-policy']);
    expect(first?.headers()['content-security-policy']).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const inline = await inlineScriptNonces(page);
    expect(inline.length).toBeGreaterThan(0);
    expect(inline.every((value) => value === nonce)).toBe(true);
    expect((await externalScriptNonces(page)).every((value) => value === nonce)).toBe(true);
    const second = await page.reload();
    expect(nonceOf(second?.headers()['content-security-policy'])).not.toBe(nonce);
  });
}

test('an injected inline script is refused: a script and an event handler injected into the markup', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  // Stands for an XSS in the markup: the real response, its real headers, one script without the nonce.
  await page.route(`${portalUrl}/reset`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(
      '</body>',
      '<script>window.__injectedMarkup = true</script><img src="/none.png" alt="" onerror="window.__injectedHandler = true"></body>',
    );
    await route.fulfill({ response, body });
  });
  const response = await page.goto(`${portalUrl}/reset`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.content()).toContain('window.__injectedMarkup');
  // One refusal for the inline script, one for the inline event handler.
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  expect(violations.join('\n')).toMatch(/(Refused to execute|Executing) inline script .*blocked/is);
  expect(violations.join('\n')).toMatch(/(Refused to execute|Executing) inline event handler .*blocked/is);
  expect(response?.headers()['content-security-policy']).toContain("'strict-dynamic'");
  const ran = await page.evaluate(() => ({
    markup: ('__injectedMarkup' in window && window.__injectedMarkup) ?? false,
    handler: ('__injectedHandler' in window && window.__injectedHandler) ?? false,
  }));
  expect(ran).toEqual({ markup: false, handler: false });
  // The page's own scripts still run (hydrated): the language switcher works.
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});
