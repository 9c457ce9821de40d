// An open-loop load generator for the start step, run in its own process by
// bench/start-step-postgres.bench.ts so that its timers and sockets share nothing with the portal, the mock
// Entra ID or the harness:
//
//   node --import tsx bench/open-loop-load.ts '{"url":"http://localhost:3700","origin":"…","rate":200,"seconds":15,"run":2}'
//
// Request i is due at i/rate seconds from the start, whatever the earlier ones are doing (open loop: a slow
// server does not slow the arrivals down). Latency is measured from the request's due time, not from when
// it was sent (the correction for coordinated omission, as wrk2 does), so a generator or server that falls
// behind shows in the figures instead of hiding; `serviceMs` is the time from the actual send. Connections
// come from node:http's keep-alive agent without a cap, so no request waits for a free socket. Prints one
// JSON line with the figures.
import http from 'node:http';
import { z } from 'zod';

const config = z
  .object({
    url: z.string().url(),
    origin: z.string().url(),
    rate: z.number().positive(),
    seconds: z.number().positive(),
    run: z.number().int().min(0),
    timeoutMs: z.number().int().positive().default(30_000),
  })
  .parse(JSON.parse(process.argv[2] ?? '{}'));

type Outcome = { status: number; latencyMs: number; serviceMs: number; sendLagMs: number };

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const target = new URL('/reset/actions/start', config.url);

function post(i: number, dueAt: number): Promise<Outcome> {
  // Distinct usernames (unknown to the directory: no per-account limit refuses one; the lookup still goes to
  // Graph in the start's job) and distinct client addresses (X-Forwarded-For, one trusted hop).
  const body = new URLSearchParams({ purpose: 'reset', username: `bench.${config.run}.${i}@contoso.test` }).toString();
  const forwardedFor = `10.${config.run}.${Math.floor(i / 250)}.${(i % 250) + 1}`;
  const sentAt = performance.now();
  return new Promise((resolve) => {
    const done = (status: number) => {
      const end = performance.now();
      resolve({ status, latencyMs: end - dueAt, serviceMs: end - sentAt, sendLagMs: sentAt - dueAt });
    };
    const request = http.request(
      target,
      {
        method: 'POST',
        agent,
        timeout: config.timeoutMs,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          origin: config.origin,
          'x-forwarded-for': forwardedFor,
        },
      },
      (response) => {
        const isStarted = response.statusCode === 303 && (response.headers.location ?? '').includes('/reset/services');
        response.resume();
        response.on('end', () => done(isStarted ? 303 : (response.statusCode ?? 0)));
        response.on('error', () => done(0));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', () => done(0));
    request.end(body);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 10) / 10;
}

const total = Math.round(config.rate * config.seconds);
const intervalMs = 1000 / config.rate;
const outcomes: Promise<Outcome>[] = [];
const began = performance.now();
let next = 0;
while (next < total) {
  const now = performance.now();
  // Everything due by now leaves now; then sleep until the next one is due.
  while (next < total && began + next * intervalMs <= now) {
    outcomes.push(post(next, began + next * intervalMs));
    next += 1;
  }
  const wait = began + next * intervalMs - performance.now();
  if (next < total && wait > 0) await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.floor(wait))));
}
const results = await Promise.all(outcomes);
const wallSeconds = (performance.now() - began) / 1000;
agent.destroy();

const started = results.filter((result) => result.status === 303);
const latencies = results.map((result) => result.latencyMs).sort((a, b) => a - b);
const service = results.map((result) => result.serviceMs).sort((a, b) => a - b);
const statuses: Record<string, number> = {};
for (const result of results) statuses[String(result.status)] = (statuses[String(result.status)] ?? 0) + 1;
console.log(
  JSON.stringify({
    rate: config.rate,
    seconds: config.seconds,
    requests: total,
    started: started.length,
    errors: total - started.length,
    statuses,
    // Answered starts per second over the whole run, from the first due time to the last answer.
    achievedPerSecond: Math.round((started.length / wallSeconds) * 10) / 10,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: percentile(latencies, 100),
    serviceP95Ms: percentile(service, 95),
    maxSendLagMs: percentile(
      results.map((result) => result.sendLagMs).sort((a, b) => a - b),
      100,
    ),
  }),
);
