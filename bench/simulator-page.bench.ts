// Blast radius through the simulator page in real Chromium (issue 6, "Figures"): the synthetic 100,000-user
// tenant of bench/synthetic-tenant.ts as the directory, its 200 policies as a stored policy set, the page's
// Evaluate button, and the page's own Performance marks (verity:blast-radius:start → first-result → done).
// Not a timed test: it prints figures and writes bench/results/simulator-page.json.
//
//   npx tsx bench/simulator-page.bench.ts   (builds the portal into .next-e2e, as Playwright does; BENCH_SKIP_BUILD=1 with
//                                           BENCH_DIST_DIR=<folder> reuses an existing production build)
//
// The session cookie is minted with next-auth's own encoder and the bench's AUTH_SECRET (an admin with
// Portal.Admin), so the figure measures the simulator, not a sign-in.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { z } from 'zod';
import { encode } from 'next-auth/jwt';
import { parsePolicySetDocuments } from '../lib/simulator/policy-set-documents';
import { createDatabaseClient } from '../server/database/create-database-client';
import { createPolicySet } from '../server/simulator/policy-set-store';
import { benchmarkTenantSize, generateSyntheticTenant, syntheticResetAppId } from './synthetic-tenant';

const port = Number(process.env.BENCH_PORT ?? 3190);
const origin = `http://localhost:${port}`;
const secret = 'bench-only-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const databaseUrl = 'file:./data/bench-simulator-page.db';
const runs = 3;
// The page's performance marks (NaN when one is missing, as the page script reports it).
const mark = z.union([z.number(), z.nan()]);
const blastMarksSchema = z.object({ start: mark, first: mark, done: mark });
const root = process.cwd();

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function startPortal(directoryFile: string): ChildProcess {
  return spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/e2e-portal.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      APP_ORIGIN: origin,
      NEXT_DIST_DIR: process.env.BENCH_DIST_DIR ?? '.next-e2e',
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: secret,
      SIMULATOR_DIRECTORY_FILE: directoryFile,
      E2E_SKIP_BUILD: process.env.BENCH_SKIP_BUILD === '1' ? '1' : '0',
      NODE_OPTIONS: '--max-old-space-size=4096',
    },
  });
}

async function main() {
  const tenant = generateSyntheticTenant();
  const directoryFile = path.join(mkdtempSync(path.join(tmpdir(), 'verity-bench-')), 'synthetic-tenant.json');
  writeFileSync(directoryFile, JSON.stringify(tenant));
  const portal = startPortal(directoryFile);
  try {
    await waitForHealth(`${origin}/api/health`, 900_000);
    process.stderr.write('portal up\n');
    // The portal's start script has just created and migrated the database: store the tenant's policies in it.
    const db = createDatabaseClient(databaseUrl, root);
    const documents = parsePolicySetDocuments(
      {
        policies: tenant.conditionalAccessPolicies,
        namedLocations: tenant.namedLocations,
        authenticationStrengths: tenant.authenticationStrengthPolicies,
      },
      () => 'unused',
    );
    const { id: setId } = await createPolicySet(db, {
      name: `Synthetic ${Date.now()}`,
      documents,
      createdBy: null,
      comment: 'bench',
      now: new Date(),
    });
    await db.$disconnect();

    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const token = await encode({
      token: {
        sub: 'bench-admin',
        oid: 'bench-admin',
        name: 'Bench admin',
        roles: ['Portal.Admin'],
        amr: ['mfa'],
        authTime: Math.floor(Date.now() / 1000),
      },
      secret,
    });
    await context.addCookies([
      { name: 'next-auth.session-token', value: token, url: origin, httpOnly: true, sameSite: 'Lax' },
    ]);
    const page = await context.newPage();

    const samples: {
      pageLoadMs: number;
      firstResultMs: number;
      doneMs: number;
      serverMs: number;
      compared: boolean;
    }[] = [];
    for (const compared of [false, true]) {
      for (let run = 0; run < runs; run++) {
        const loadStart = Date.now();
        await page.goto(`${origin}/admin/simulator/${setId}/blast-radius?app=${syntheticResetAppId}`, {
          timeout: 300_000,
        });
        await page.getByRole('button', { name: 'Evaluate' }).waitFor();
        const pageLoadMs = Date.now() - loadStart;
        await page.getByLabel('IP address').fill('203.0.113.10');
        if (compared) {
          await page.getByLabel('A draft change').check();
          await page.getByRole('button', { name: 'Use the recommended reset-portal policy' }).click();
        }
        await page.getByRole('button', { name: 'Evaluate' }).click();
        await page.getByTestId('blast-status').getByText('Done in').waitFor({ timeout: 300_000 });
        // A string, not a function: tsx's keepNames helper (__name) does not exist in the page.
        const marks = blastMarksSchema.parse(
          await page.evaluate(
            "(() => { const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN; return { start: at('verity:blast-radius:start'), first: at('verity:blast-radius:first-result'), done: at('verity:blast-radius:done') }; })()",
          ),
        );
        const serverMs = Number(
          /Done in (\d+)/.exec((await page.getByTestId('blast-status').textContent()) ?? '')?.[1] ?? Number.NaN,
        );
        process.stderr.write(
          `run ${run + 1}${compared ? ' with draft' : ''}: page ${pageLoadMs} ms, first result ${Math.round(marks.first - marks.start)} ms, done ${Math.round(marks.done - marks.start)} ms\n`,
        );
        samples.push({
          pageLoadMs,
          firstResultMs: Math.round(marks.first - marks.start),
          doneMs: Math.round(marks.done - marks.start),
          serverMs,
          compared,
        });
      }
    }
    await browser.close();

    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
    const summary = (compared: boolean) => {
      const chosen = samples.filter((s) => s.compared === compared);
      return {
        firstResultMs: median(chosen.map((s) => s.firstResultMs)),
        doneMs: median(chosen.map((s) => s.doneMs)),
        serverMs: median(chosen.map((s) => s.serverMs)),
      };
    };
    const figures = {
      tenant: benchmarkTenantSize,
      machine: {
        cpu: cpus()[0]?.model ?? 'unknown',
        logicalCores: cpus().length,
        node: process.version,
        browser: 'Debian Chromium (headless)',
      },
      flows: 7,
      firstPageLoadMs: samples[0]?.pageLoadMs,
      currentSet: summary(false),
      withDraft: summary(true),
      samples,
      recordedAt: new Date().toISOString(),
    };
    mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
    writeFileSync(new URL('./results/simulator-page.json', import.meta.url), `${JSON.stringify(figures, null, 2)}\n`);
    process.stdout.write(
      [
        `Simulator page, blast radius in Chromium: ${benchmarkTenantSize.users.toLocaleString('en-US')} users, ${benchmarkTenantSize.policies} policies, 7 flows (median of ${runs})`,
        '',
        '| Measure | Current set | Current set + draft policy |',
        '| --- | ---: | ---: |',
        `| Time to first result (click → first counts on screen) | ${figures.currentSet.firstResultMs} ms | ${figures.withDraft.firstResultMs} ms |`,
        `| Time to completion (click → chart, heat map and diff done) | ${figures.currentSet.doneMs} ms | ${figures.withDraft.doneMs} ms |`,
        `| Server time for the stream | ${figures.currentSet.serverMs} ms | ${figures.withDraft.serverMs} ms |`,
        '',
        `First page load (parses and compiles the 100,000-user directory once): ${figures.firstPageLoadMs} ms`,
        'Written to bench/results/simulator-page.json',
        '',
      ].join('\n'),
    );
  } finally {
    portal.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
