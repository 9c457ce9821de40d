// Benchmark of the start step on one portal instance on PostgreSQL (issue 12, figures). Not a test: it
// prints figures and writes bench/results/start-step-postgres.json. The production build behind
// scripts/portal-server.ts, the mock Entra ID's Graph, Redis for the limits, a fresh database (the fault
// suite's harness, faults/fault-harness.ts, with one instance and no fault injected):
//
//   E2E_PORT_OFFSET=100 FAULTS_SKIP_BUILD=1 npx tsx bench/start-step-postgres.bench.ts
//
// 1. POST /reset/actions/start, open loop at 50, 100 and 200 requests/s for 15 s each (distinct usernames,
//    distinct client addresses): latency p50/p95/p99, errors, achieved rate, and
//    whether every session got its `reset.started` audit entry (audit entries == sessions).
// Job latency (commit to SMS accepted) is measured by bench/job-latency.bench.ts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { startFaultHarness } from '../faults/fault-harness';
import { portalUser } from '../faults/portal-client';
import { summarizeNanoseconds } from './timing';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (ns: number) => Math.round(ns / 1e4) / 100;

if (process.env.FAULTS_SKIP_BUILD !== '1')
  execFileSync('node_modules/.bin/next', ['build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', NEXT_DIST_DIR: process.env.FAULTS_NEXT_DIST_DIR ?? '.next-faults' },
  });
const h = await startFaultHarness({ instances: 1 });
const portal = h.portals[0];
const count = async (sql: string, values: unknown[] = []) =>
  Number((await h.db.query<{ n: string }>(sql, values)).rows[0]?.n ?? 0);

async function startsAt(rate: number, seconds: number, run: number) {
  const latencies: bigint[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const startedAt = new Date();
  const total = rate * seconds;
  const began = performance.now();
  for (let i = 0; i < total; i++) {
    // Open loop: request i leaves at i/rate seconds whatever the earlier ones are doing.
    const due = began + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await pause(wait);
    // Distinct usernames (unknown to the directory, so 10 starts per account per 15 minutes never refuse one);
    // the lookup still goes to Graph in the start's job.
    const username = `bench.${run}.${i}@contoso.test`;
    const user = portalUser(h.appOrigin, { forwardedFor: `10.${run}.${Math.floor(i / 250)}.${(i % 250) + 1}` });
    const sent = process.hrtime.bigint();
    pending.push(
      user
        .post(portal.url, '/reset/actions/start', { purpose: 'reset', username })
        .then((answer) => {
          latencies.push(process.hrtime.bigint() - sent);
          if (answer.status !== 303 || !answer.location.includes('/reset/services')) errors += 1;
        })
        .catch(() => {
          errors += 1;
        }),
    );
  }
  await Promise.all(pending);
  const wallSeconds = (performance.now() - began) / 1000;
  const since = [startedAt];
  const sessions = await count(`SELECT count(*) AS n FROM "ResetSession" WHERE "createdAt" >= $1`, since);
  // Each session's `reset.started` is its outbox job; give the jobs time to drain before comparing.
  let entries = 0;
  for (let tries = 0; tries < 120; tries++) {
    entries = await count(
      `SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'reset.started' AND "occurredAt" >= $1`,
      since,
    );
    if (entries >= sessions) break;
    await pause(500);
  }
  const summary = summarizeNanoseconds(latencies);
  return {
    rate,
    seconds,
    requests: total,
    achievedPerSecond: Math.round((total / wallSeconds) * 10) / 10,
    p50Ms: ms(summary.median),
    p95Ms: ms(summary.p95),
    p99Ms: ms(summary.p99),
    errors,
    sessions,
    auditEntries: entries,
    isEveryStartAudited: entries === sessions && sessions === total - errors,
  };
}

try {
  const starts = [];
  for (const [run, rate] of [50, 100, 200].entries()) {
    starts.push(await startsAt(rate, 15, run));
    console.log(JSON.stringify(starts.at(-1)));
    await pause(3000);
  }
  const results = { measuredAt: new Date().toISOString(), node: process.version, starts };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/start-step-postgres.json', `${JSON.stringify(results, null, 2)}\n`);
} finally {
  await h.stop();
}
