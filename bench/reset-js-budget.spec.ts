// Figure, not a pass/fail test (issue 14, "Speed on a phone"): how much JavaScript the self-service pages make a
// real browser download, gzip-compressed, split into the framework's runtime (Next's build manifest:
// `rootMainFiles` and `polyfillFiles`, the same on every page) and everything else, counted as our own code (it
// also holds Next's App Router client components, which Next bundles into the page's chunk; see the README).
// Target: our own code on /reset at most 7 KB gzip beyond the runtime. Writes bench/results/reset-js-budget.json.
// Run with `E2E_PORT_OFFSET=<n> npx playwright test -c bench/playwright.bench.config.ts bench/reset-js-budget.spec.ts`.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { test } from '@playwright/test';
import { z } from 'zod';
import { portalUrl as e2ePortalUrl } from '../e2e/fixtures/portal';

// BENCH_PORTAL_URL: a portal already serving the e2e build (else the e2e one).
const portalUrl = process.env.BENCH_PORTAL_URL ?? e2ePortalUrl;

const pages = ['/reset', '/unlock', '/reset/verify/sms', '/reset/new-password'];

function frameworkFiles(): Set<string> {
  const manifestPath = path.join(process.env.NEXT_DIST_DIR ?? '.next-e2e', 'build-manifest.json');
  const manifest = z
    .looseObject({ rootMainFiles: z.array(z.string()), polyfillFiles: z.array(z.string()) })
    .parse(JSON.parse(fs.readFileSync(manifestPath, 'utf8')));
  return new Set([...manifest.rootMainFiles, ...manifest.polyfillFiles].map((file) => `/_next/${file}`));
}

test('JavaScript downloaded by the reset pages, gzip', async ({ page }) => {
  const framework = frameworkFiles();
  const results: Record<string, { frameworkKb: number; ownKb: number; totalKb: number; ownFiles: string[] }> = {};
  for (const pathname of pages) {
    const scripts = new Map<string, number>();
    const listener = async (response: import('@playwright/test').Response) => {
      if (response.request().resourceType() !== 'script') return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      scripts.set(new URL(response.url()).pathname, gzipSync(body, { level: 9 }).length);
    };
    page.on('response', listener);
    await page.goto(`${portalUrl}${pathname}`, { waitUntil: 'networkidle' });
    page.off('response', listener);
    let frameworkBytes = 0;
    let ownBytes = 0;
    const ownFiles: string[] = [];
    for (const [file, bytes] of scripts) {
      if (framework.has(file)) frameworkBytes += bytes;
      else {
        ownBytes += bytes;
        ownFiles.push(`${file} ${(bytes / 1024).toFixed(1)} KB`);
      }
    }
    const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
    results[pathname] = {
      frameworkKb: kb(frameworkBytes),
      ownKb: kb(ownBytes),
      totalKb: kb(frameworkBytes + ownBytes),
      ownFiles,
    };
    console.log(
      `[reset-js] ${pathname}: framework ${kb(frameworkBytes)} KB + ours ${kb(ownBytes)} KB = ${kb(frameworkBytes + ownBytes)} KB gzip`,
    );
  }
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync('bench/results/reset-js-budget.json', `${JSON.stringify(results, null, 2)}\n`);
});
