// Benchmark of the start step on one portal instance on PostgreSQL (issue 12, figures). Not a test: it
// prints figures and writes bench/results/start-step-postgres.json. The production build behind
// scripts/portal-server.ts, the mock Entra ID's Graph, Redis for the limits, a fresh database (the fault
// suite's harness, faults/fault-harness.ts, with one instance and no fault injected):
//
//   E2E_PORT_OFFSET=100 FAULTS_SKIP_BUILD=1 NODE_OPTIONS=--conditions=react-server npx tsx bench/start-step-postgres.bench.ts
//
// The portal talks to PostgreSQL, Redis and the mock's Graph directly, and the load comes from a process of
// its own (bench/open-loop-load.ts), so nothing in this process sits between them.
// 1. POST /reset/actions/start, open loop at 50, 100 and 200 requests/s for 15 s each (distinct usernames,
//    distinct client addresses): latency p50/p95/p99 from each request's due time (no coordinated
//    omission), errors, achieved rate, and whether every session got its `reset.started` audit entry
//    (audit entries == sessions). BENCH_RATES=200 runs one rate; BENCH_CPU_PROF=<dir>
//    profiles the portal (node --cpu-prof, written when it stops).
// Job latency (commit to SMS accepted) is measured by bench/job-latency.bench.ts.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { z } from 'zod';
import { startFaultHarness } from '../faults/fault-harness';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (process.env.FAULTS_SKIP_BUILD !== '1')
  execFileSync('node_modules/.bin/next', ['build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', NEXT_DIST_DIR: process.env.FAULTS_NEXT_DIST_DIR ?? '.next-faults' },
  });
// The portal reaches PostgreSQL, Redis and Graph directly (no gate or fault proxy of this process in the way).
// BENCH_CPU_PROF=<dir>: the portal writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
const cpuProfileDir = process.env.BENCH_CPU_PROF;
// NODE_OPTIONS=--conditions=react-server is for this script's imports only: the portal and the mock run as they
// do in production (the fault suite starts them without it).
delete process.env.NODE_OPTIONS;
const h = await startFaultHarness({
  instances: 1,
  isDirect: true,
  portalNodeArgs: cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [],
});
const portal = h.portals[0];
const count = async (sql: string, values: unknown[] = []) =>
  Number((await h.db.query<{ n: string }>(sql, values)).rows[0]?.n ?? 0);

const loadSchema = z.object({
  requests: z.number(),
  started: z.number(),
  errors: z.number(),
  statuses: z.record(z.string(), z.number()),
  achievedPerSecond: z.number(),
  p50Ms: z.number(),
  p95Ms: z.number(),
  p99Ms: z.number(),
  maxMs: z.number(),
  serviceP95Ms: z.number(),
  maxSendLagMs: z.number(),
});

/** One open-loop run from the load generator's own process (bench/open-loop-load.ts). */
function openLoop(rate: number, seconds: number, run: number): Promise<z.infer<typeof loadSchema>> {
  return new Promise((resolve, reject) => {
    const config = JSON.stringify({ url: portal.url, origin: h.appOrigin, rate, seconds, run });
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/open-loop-load.ts', config], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the load generator exited with ${code}`));
      else resolve(loadSchema.parse(JSON.parse(output.trim().split('\n').at(-1) ?? '{}')));
    });
  });
}

async function startsAt(rate: number, seconds: number, run: number) {
  const startedAt = new Date();
  const load = await openLoop(rate, seconds, run);
  const since = [startedAt];
  const sessions = await count(`SELECT count(*) AS n FROM "ResetSession" WHERE "createdAt" >= $1`, since);
  // Each session's `reset.started` is its outbox job; give the jobs time to drain before comparing.
  let entries = 0;
  const drainBegan = performance.now();
  for (let tries = 0; tries < 240; tries++) {
    entries = await count(
      `SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'reset.started' AND "occurredAt" >= $1`,
      since,
    );
    if (entries >= sessions) break;
    await pause(500);
  }
  return {
    rate,
    seconds,
    ...load,
    sessions,
    auditEntries: entries,
    auditDrainSeconds: Math.round((performance.now() - drainBegan) / 100) / 10,
    isEveryStartAudited: entries === sessions && sessions === load.started,
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

try {
  const starts = [];
  // BENCH_RATES=200 (comma-separated) for a single rate while profiling.
  const rates = (process.env.BENCH_RATES ?? '50,100,200').split(',').map(Number);
  for (const [run, rate] of rates.entries()) {
    starts.push(await startsAt(rate, 15, run));
    console.log(JSON.stringify(starts.at(-1)));
    await pause(3000);
  }
  const results = { measuredAt: new Date().toISOString(), node: process.version, starts };
  mkdirSync('bench/results', { recursive: true });
  if (!process.env.BENCH_RATES)
    writeFileSync('bench/results/start-step-postgres.json', `${JSON.stringify(results, null, 2)}\n`);
} finally {
  await h.stop();
}
