// Benchmark of the reset portal's server side (issue 4, item 5). Not a timed test: it prints figures and
// writes bench/results/reset-portal.json. Runs the real route handler and server functions against a fresh
// migrated SQLite database, with an in-memory directory that answers like Graph would (40 ms + 25 ms for an
// existing account, 15 ms for an unknown one):
//
//   NODE_OPTIONS=--conditions=react-server npx tsx bench/reset-portal.bench.ts
//
// (the react-server condition lets `server-only` modules load outside Next.js.)
import { mkdirSync, writeFileSync } from 'node:fs';
import { NextRequest } from 'next/server';
import { POST as startRoute } from '../app/reset/actions/start/route';
import { evaluatePassword, defaultPasswordPolicy } from '../lib/reset/password-policy';
import { createTestDatabase } from '../server/database/test-database';
import { testConfig, testServices, testWiring } from '../server/context/test-services';
import { changePassword } from '../server/reset/change-password';
import { loadBreachedPasswordCorpus } from '../server/reset/breached-password-corpus';
import {
  adele,
  codeIn,
  memoryDirectory,
  memoryResetLimiters,
  passwordAndPush,
  settleBackgroundTasks,
  testResetDependencies,
} from '../server/reset/reset-test-support';
import { startResetSession } from '../server/reset/start-reset-session';
import { checkVerificationCode, sendVerificationCode } from '../server/reset/verification-codes';
import type { ResetDirectory } from '../server/reset/reset-directory';
import { summarizeNanoseconds } from './timing';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (ns: number) => Math.round(ns / 1e4) / 100;
const origin = { ip: '198.51.100.1', userAgent: 'bench' };

function graphLikeDirectory(): { directory: ResetDirectory; writes: ReturnType<typeof memoryDirectory> } {
  const inner = memoryDirectory([{ user: adele, methods: passwordAndPush }]);
  const directory: ResetDirectory = {
    ...inner,
    async findUser(username) {
      const user = await inner.findUser(username);
      await pause(user ? 40 : 15);
      return user;
    },
    async listMethods(id) {
      await pause(25);
      return inner.listMethods(id);
    },
  };
  return { directory, writes: inner };
}

async function main() {
  const database = await createTestDatabase();
  const { directory, writes } = graphLikeDirectory();
  const deps = testResetDependencies(database.db, directory);
  deps.limiters = memoryResetLimiters(1_000_000);
  deps.now = () => new Date();
  const base = testServices(database.db).services;
  const wiring = testWiring(
    {
      ...base,
      settings: testConfig({ APP_ORIGIN: 'http://localhost:3000' }),
      clock: { now: () => new Date() },
      directory: { ...base.directory, reset: directory },
      limiters: { ...base.limiters, reset: deps.limiters },
    },
    null,
  );

  // 1. POST /reset/actions/start through the real route handler, known vs unknown, interleaved.
  const start = (username: string) =>
    startRoute.run(
      new NextRequest('http://localhost:3000/reset/actions/start', {
        method: 'POST',
        body: new URLSearchParams({ purpose: 'reset', username }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      }),
      undefined,
      wiring,
    );
  for (let i = 0; i < 50; i++) await start(i % 2 ? adele.userPrincipalName : `warm${i}@contoso.test`);
  const known: bigint[] = [];
  const unknown: bigint[] = [];
  for (let i = 0; i < 500; i++) {
    let t = process.hrtime.bigint();
    await start(adele.userPrincipalName);
    known.push(process.hrtime.bigint() - t);
    t = process.hrtime.bigint();
    await start(`nobody${i}@contoso.test`);
    unknown.push(process.hrtime.bigint() - t);
  }
  await settleBackgroundTasks();
  const knownSummary = summarizeNanoseconds(known);
  const unknownSummary = summarizeNanoseconds(unknown);

  // 2. The password rules (what the browser runs on every keystroke and the server once).
  const context = { userPrincipalName: adele.userPrincipalName, displayName: adele.displayName };
  const policy = { ...defaultPasswordPolicy, organisationWords: ['contoso', 'verity'] };
  const ruleTimes: Record<string, ReturnType<typeof summarizeNanoseconds>> = {};
  const corpus = await loadBreachedPasswordCorpus();
  for (const [label, password] of [
    ['20 characters', 'Blue-Harbour-Lantern'],
    ['256 characters', 'Xk9!'.repeat(64)],
  ] as const) {
    for (let i = 0; i < 2_000; i++) evaluatePassword(policy, { password, confirmation: password }, context, corpus);
    const samples: bigint[] = [];
    for (let i = 0; i < 20_000; i++) {
      const t = process.hrtime.bigint();
      evaluatePassword(policy, { password, confirmation: password }, context, corpus);
      samples.push(process.hrtime.bigint() - t);
    }
    ruleTimes[label] = summarizeNanoseconds(samples);
  }

  // 3. 50 simultaneous submissions of one verified session: wall time, writes, successes.
  const { token } = await startResetSession(deps, { purpose: 'reset', username: adele.userPrincipalName, origin });
  await settleBackgroundTasks();
  deps.settings.starPolicy = {
    ...deps.settings.starPolicy,
    stars: { ...deps.settings.starPolicy.stars, sms: 3 },
    channelCodesCannotBypassMfa: false,
  };
  await sendVerificationCode(deps, { token, service: 'sms', locale: 'en', origin });
  await settleBackgroundTasks();
  const code = codeIn(deps.captured.sms.at(-1)?.body ?? '');
  const verifyStart = process.hrtime.bigint();
  await checkVerificationCode(deps, { token, service: 'sms', code, origin });
  const verifyNs = Number(process.hrtime.bigint() - verifyStart);
  const burstStart = process.hrtime.bigint();
  const results = await Promise.allSettled(
    Array.from({ length: 50 }, () =>
      changePassword(deps, {
        token,
        password: 'Blue-Harbour-Lantern-82',
        confirmation: 'Blue-Harbour-Lantern-82',
        locale: 'en',
        origin,
      }),
    ),
  );
  const burstMs = Number(process.hrtime.bigint() - burstStart) / 1e6;

  const figures = {
    startReset: {
      requestsEach: 500,
      knownMedianMs: ms(knownSummary.median),
      unknownMedianMs: ms(unknownSummary.median),
      knownP95Ms: ms(knownSummary.p95),
      unknownP95Ms: ms(unknownSummary.p95),
      medianDifferenceMs: ms(Math.abs(knownSummary.median - unknownSummary.median)),
    },
    passwordRules: Object.fromEntries(
      Object.entries(ruleTimes).map(([label, s]) => [
        label,
        { medianMicroseconds: Math.round(s.median / 10) / 100, p95Microseconds: Math.round(s.p95 / 10) / 100 },
      ]),
    ),
    codeCheckMs: ms(verifyNs),
    concurrentSubmissions: {
      submissions: 50,
      fulfilled: results.filter((r) => r.status === 'fulfilled').length,
      passwordWrites: writes.passwordWrites.length,
      wallMs: Math.round(burstMs),
    },
  };
  console.log(JSON.stringify(figures, null, 2));
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/reset-portal.json',
    `${JSON.stringify({ measuredAt: new Date().toISOString(), ...figures }, null, 2)}\n`,
  );
  await settleBackgroundTasks();
  await database.drop();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
