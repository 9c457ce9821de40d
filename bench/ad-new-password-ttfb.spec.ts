// Benchmark (issue 10, item 10): the new-password page's time to first byte for a synced user, whose page
// reads the effective AD policy from the DC before it renders (objectSid lookup, tokenGroups,
// msDS-ResultantPSO, the policy, over a new LDAPS connection), next to a cloud-only user's page. Real HTTP
// GETs to the running production portal of the AD end-to-end setup (Samba AD DC on loopback, the mock
// Entra's Graph over HTTPS), one at a time, with the verified reset session's cookie. A figure, not a test:
//
//   npm run bench:ad:page        (under the AD end-to-end config: it provisions and stops its own DC)
//
// Results in bench/results/ad-new-password-ttfb.json.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { expect, test, type Page } from '@playwright/test';
import { authenticatorApprove, readPushNumber, resetTenant } from '../e2e/fixtures/authenticator';
import { portalUrl } from '../e2e/fixtures/ports';
import { startReset } from '../e2e/reset/reset-helpers';
import { summarizeNanoseconds } from './timing';

const samples = 40;
const ms = (ns: number) => Math.round(ns / 1e4) / 100;

test.describe.configure({ timeout: 300_000 });

async function verifiedCookie(page: Page, upn: string): Promise<string> {
  await page.context().clearCookies();
  await startReset(page, upn);
  await page.getByRole('button', { name: 'Continue with Microsoft' }).click();
  await page.getByRole('button', { name: 'Send notification' }).click();
  await authenticatorApprove(page.context(), upn, await readPushNumber(page), { pin: '1234' });
  await expect(page).toHaveURL(/\/reset\/services\?entra=verified/, { timeout: 30_000 });
  return (await page.context().cookies(portalUrl)).map((c) => `${c.name}=${c.value}`).join('; ');
}

/** One GET: nanoseconds to the first byte of the body (the page renders whole: no Suspense), and the body. */
function timeFirstByte(cookie: string): Promise<{ ttfb: bigint; body: string }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    let ttfb: bigint | null = null;
    let body = '';
    const request = http.get(`${portalUrl}/reset/new-password`, { headers: { cookie } }, (response) => {
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        ttfb ??= process.hrtime.bigint() - start;
        body += chunk;
      });
      response.on('end', () => resolve({ ttfb: ttfb ?? process.hrtime.bigint() - start, body }));
    });
    request.on('error', reject);
  });
}

async function measure(cookie: string, marker: (body: string) => boolean) {
  const times: bigint[] = [];
  for (let index = 0; index < samples + 3; index += 1) {
    const { ttfb, body } = await timeFirstByte(cookie);
    expect(marker(body)).toBe(true);
    if (index >= 3) times.push(ttfb); // the first requests warm the route and the connections
  }
  const summary = summarizeNanoseconds(times);
  return { median: ms(summary.median), p95: ms(summary.p95), max: ms(summary.max) };
}

test('new-password page time to first byte, synced user (AD policy read) and cloud-only user', async ({ page }) => {
  await resetTenant(page);
  const synced = await measure(await verifiedCookie(page, 'alan.steiner@contoso.test'), (body) =>
    body.includes('data-testid="ad-rules"'),
  );
  const cloudOnly = await measure(
    await verifiedCookie(page, 'pradeep.gupta@contoso.test'),
    (body) => body.includes('name="password"') && !body.includes('data-testid="ad-rules"'),
  );
  const results = {
    samples,
    syncedUserWithAdPolicyReadMs: synced,
    cloudOnlyUserMs: cloudOnly,
    loadAverage: os.loadavg().map((value) => Math.round(value * 10) / 10),
  };
  console.log(JSON.stringify(results, null, 2));
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync('bench/results/ad-new-password-ttfb.json', `${JSON.stringify(results, null, 2)}\n`);
});
