import 'server-only';
// A transactional outbox (issue 12, finding 1; docs/decisions/0006): work that follows a state change is a
// job written in the same transaction as the change, so a crash can no longer lose it. The process that
// wrote it runs it at once (off the request path); if that process dies first, any instance runs it after
// the claim's lease runs out. At least once, with exponential backoff, and idempotent by `key`: a key is
// written once, the claim is conditional, so two runners never run one job at the same time, and a
// completed job never runs again.
//
// Two engines behind this one contract: on PostgreSQL, pg-boss (server/jobs/pg-boss-outbox.ts), registered
// for the database client at start; without one (the embedded SQLite default, and tests), the `OutboxJob`
// table below, swept by each process.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/sqlite/client';
import type { DatabaseClient } from '../database/create-database-client';
import { parseStoredJson } from '../database/stored-json';
import { errorSummary } from '../http/request-failure';

export type OutboxHandler = (payload: Record<string, unknown>) => Promise<void>;
export type OutboxHandlers = Record<string, OutboxHandler>;
export type OutboxDependencies = { db: DatabaseClient; now: () => Date };
/** Where a job is written: the state change's transaction, or the client itself for a lone write. */
export type OutboxWriter = Prisma.TransactionClient | DatabaseClient;

/** A job to write: `id` follows from `key`, so writing one key twice is one job. */
export type OutboxJob = { id: string; key: string; name: string; payload: Record<string, unknown>; createdAt: Date };

/** How long a run may take before another runner may take the job over (a crashed runner's claim), by default. */
export const outboxLockSeconds = 60;
/** Runs per job before it is given up (failed: kept, counted in /api/health, shown on /admin). */
export const outboxMaxAttempts = 8;
const backoffSeconds = (attempts: number) => Math.min(600, 2 ** attempts);

/** An engine that stores and runs jobs instead of the table (pg-boss on PostgreSQL). */
export type OutboxEngine = {
  kind: 'pg-boss';
  /** Writes the jobs inside `tx`; returns the ids written now (a key already written is skipped). */
  write(tx: OutboxWriter, jobs: readonly OutboxJob[]): Promise<string[]>;
  /** The writer's run of a job it has just committed: claims it by id, runs it, records the outcome. */
  runCommitted(job: OutboxJob, handlers: OutboxHandlers): Promise<boolean>;
  counts(): Promise<{ pending: number; failed: number }>;
};

/** The outbox of one database client: its engine (none: the table) and the table's claim lease. */
export type OutboxSettings = { engine?: OutboxEngine; leaseSeconds: number };

// Keyed by the Prisma client the state changes are written with; the isPostgresClient precedent
// (server/database/create-database-client.ts). Production configures its client at start (JOB_LEASE_SECONDS,
// pg-boss on PostgreSQL); an unconfigured client (tests) uses the table with the default lease.
const configured = new WeakMap<object, OutboxSettings>();

export function configureOutbox(db: DatabaseClient, settings: OutboxSettings): void {
  configured.set(db, settings);
}

function settingsOf(db: DatabaseClient): OutboxSettings {
  return configured.get(db) ?? { leaseSeconds: outboxLockSeconds };
}

/**
 * What this process holds of one client's table jobs, to hand back at shutdown: the runs it claimed (each
 * with a way to stop waiting for it), and the jobs it wrote with the writer's claim but has not run yet.
 */
type HeldJobs = {
  running: Map<string, { settled: Promise<unknown>; handBack: () => void }>;
  /** Job id to the end of the writer's claim (ms); a claim past its end is no longer ours to hand back. */
  written: Map<string, number>;
  isStopping: boolean;
};
const held = new WeakMap<object, HeldJobs>();

function heldBy(db: DatabaseClient): HeldJobs {
  let jobs = held.get(db);
  if (!jobs) {
    jobs = { running: new Map(), written: new Map(), isStopping: false };
    held.set(db, jobs);
  }
  return jobs;
}

/** A UUID (RFC 9562 version 8) derived from the key, so the id itself is the idempotency key in any engine. */
export function outboxJobId(key: string): string {
  const bytes = createHash('sha256').update(`verity.outbox:${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function outboxJob(input: {
  name: string;
  key: string;
  payload: Record<string, unknown>;
  now: Date;
}): OutboxJob {
  return { id: outboxJobId(input.key), key: input.key, name: input.name, payload: input.payload, createdAt: input.now };
}

/**
 * Writes jobs in the caller's transaction (`tx`, or `db` itself for a lone write). Returns the ids written
 * now; a key written before is not written again.
 */
export async function writeOutboxJobs(
  deps: { db: DatabaseClient },
  jobs: readonly OutboxJob[],
  tx: OutboxWriter = deps.db,
): Promise<string[]> {
  const { engine, leaseSeconds } = settingsOf(deps.db);
  if (engine) return engine.write(tx, jobs);
  const existing = await tx.outboxJob.findMany({
    where: { key: { in: jobs.map((job) => job.key) } },
    select: { key: true },
  });
  const fresh = jobs.filter((job) => !existing.some((row) => row.key === job.key));
  const leaseMs = leaseSeconds * 1000;
  const written = heldBy(deps.db).written;
  for (const [id, until] of written) if (until <= Date.now()) written.delete(id);
  for (const job of fresh) written.set(job.id, job.createdAt.getTime() + leaseMs);
  if (fresh.length > 0)
    await tx.outboxJob.createMany({
      data: fresh.map((job) => ({
        id: job.id,
        key: job.key,
        name: job.name,
        payloadJson: JSON.stringify(job.payload),
        createdAt: job.createdAt,
        // The writer runs it at once; a sweep may take it over only after this, should the writer die.
        lockedUntil: new Date(job.createdAt.getTime() + leaseMs),
      })),
    });
  return fresh.map((job) => job.id);
}

/**
 * Jobs run at once by their writer share the database pool with requests. Under a burst (300 starts on two
 * instances), hundreds of audit appends waiting on the chain's lock held every connection, and the requests'
 * own transactions timed out (P2028, issue 12 finding 4). A few run at a time per process; the rest wait
 * here, their rows already committed (and claimed, so no sweep doubles them).
 */
const concurrentRuns = 4;
let running = 0;
const waiting: (() => void)[] = [];
async function runSlot<T>(run: () => Promise<T>): Promise<T> {
  if (running >= concurrentRuns) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await run();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/** Runs one table job if it is due and unclaimed (or its claim expired). Returns whether it completed now. */
export async function runOutboxJob(
  deps: OutboxDependencies,
  jobId: string,
  handlers: OutboxHandlers,
  options: { isWriter?: boolean } = {},
): Promise<boolean> {
  const jobs = heldBy(deps.db);
  // Shutting down: the job is handed back (stopOutboxRuns), not started here.
  if (jobs.isStopping) return false;
  const now = deps.now();
  const lockedUntil = new Date(now.getTime() + settingsOf(deps.db).leaseSeconds * 1000);
  // The writer holds the claim it wrote with the row; anyone else needs it to have expired.
  const claim = await deps.db.outboxJob.updateMany({
    where: {
      id: jobId,
      completedAt: null,
      failedAt: null,
      ...(options.isWriter ? { attempts: 0 } : { OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] }),
    },
    data: { lockedUntil, attempts: { increment: 1 } },
  });
  if (claim.count === 0) return false;
  jobs.written.delete(jobId);
  // Stopped while claiming: stopOutboxRuns may have released its ids already, so hand this one back here.
  if (jobs.isStopping) {
    await deps.db.outboxJob.update({ where: { id: jobId }, data: { lockedUntil: null } });
    return false;
  }
  const job = await deps.db.outboxJob.findUniqueOrThrow({ where: { id: jobId } });
  const handler = handlers[job.name];
  const running = (async () => {
    if (!handler) throw new Error(`no handler for ${job.name}`);
    // Each handler checks its own payload's shape (parseStoredValue); here only that it is a JSON object.
    await handler(parseStoredJson(z.record(z.string(), z.unknown()), job.payloadJson, `OutboxJob ${job.name}`));
  })();
  let handBack = () => {};
  const handedBack = new Promise<'handedBack'>((resolve) => (handBack = () => resolve('handedBack')));
  jobs.running.set(jobId, { settled: running.catch(() => undefined), handBack });
  try {
    // Handed back at shutdown: the row is released for another instance; this run's outcome is not recorded.
    if ((await Promise.race([running.then(() => 'done' as const), handedBack])) === 'handedBack') return false;
    await deps.db.outboxJob.update({ where: { id: jobId }, data: { completedAt: deps.now(), lockedUntil: null } });
    return true;
  } catch (error) {
    const isLast = job.attempts >= outboxMaxAttempts;
    await deps.db.outboxJob.update({
      where: { id: jobId },
      data: {
        lastError: JSON.stringify(errorSummary(error)).slice(0, 500),
        lockedUntil: new Date(deps.now().getTime() + backoffSeconds(job.attempts) * 1000),
        ...(isLast ? { failedAt: deps.now() } : {}),
      },
    });
    throw error;
  } finally {
    jobs.running.delete(jobId);
  }
}

/**
 * Graceful shutdown of this process's runs (server/shutdown/graceful-shutdown.ts): no run starts any more,
 * the runs in progress may finish within `timeoutMs`, and then every table job this process still holds
 * (claimed and running, or written with the writer's claim and not run yet) is released at once, so another
 * instance's next sweep runs it instead of waiting for the claim's lease. Returns how many were handed back.
 */
export async function stopOutboxRuns(db: DatabaseClient, options: { timeoutMs: number }): Promise<number> {
  const jobs = heldBy(db);
  jobs.isStopping = true;
  // Runs waiting for a slot start no more: each finds the process stopping and leaves its job to be handed back.
  for (const wake of waiting.splice(0)) wake();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled([...jobs.running.values()].map((run) => run.settled)),
    new Promise((resolve) => (timer = setTimeout(resolve, options.timeoutMs))),
  ]);
  clearTimeout(timer);
  const ids = [...jobs.running.keys(), ...jobs.written.keys()];
  const released =
    ids.length === 0
      ? { count: 0 }
      : await db.outboxJob.updateMany({
          where: { id: { in: ids }, completedAt: null, failedAt: null },
          data: { lockedUntil: null },
        });
  for (const run of jobs.running.values()) run.handBack();
  jobs.written.clear();
  return released.count;
}

/**
 * The writer's run of a job it has just committed, in whichever engine holds it. A failure is already
 * recorded with its backoff, so it is not the caller's: the job is retried (the change it follows stands).
 */
export async function runCommittedJob(
  deps: OutboxDependencies,
  job: OutboxJob,
  handlers: OutboxHandlers,
): Promise<void> {
  const { engine } = settingsOf(deps.db);
  try {
    await runSlot(async () => {
      // Shutting down (a run that waited for its slot): the job is handed back instead (stopOutboxRuns).
      if (heldBy(deps.db).isStopping) return false;
      return engine ? engine.runCommitted(job, handlers) : runOutboxJob(deps, job.id, handlers, { isWriter: true });
    });
  } catch {
    // Recorded with its backoff; retried by the engine (pg-boss) or the next sweep (the table).
  }
}

/**
 * Runs due table jobs: retries after their backoff, and jobs whose writer died. Runs on every database:
 * with pg-boss it drains rows written before the switch. Returns how many completed.
 */
export async function sweepOutbox(
  deps: OutboxDependencies,
  handlers: OutboxHandlers,
  limit = 50,
  /** Called after each job's run, done or not: the runner is making progress (server/jobs/job-runner-state.ts). */
  onProgress: () => void = () => {},
): Promise<number> {
  if (heldBy(deps.db).isStopping) return 0;
  const due = await deps.db.outboxJob.findMany({
    where: { completedAt: null, failedAt: null, OR: [{ lockedUntil: null }, { lockedUntil: { lte: deps.now() } }] },
    orderBy: { createdAt: 'asc' },
    take: limit,
    select: { id: true },
  });
  let completed = 0;
  for (const { id } of due) {
    try {
      if (await runOutboxJob(deps, id, handlers)) completed += 1;
    } catch {
      // Recorded on the row with its backoff; the next sweep retries it.
    }
    onProgress();
  }
  return completed;
}

/** Pending and failed jobs in every engine, for /api/health details and /admin. */
export async function outboxCounts(db: DatabaseClient): Promise<{ pending: number; failed: number }> {
  const { engine } = settingsOf(db);
  const [pending, failed, inEngine] = await Promise.all([
    db.outboxJob.count({ where: { completedAt: null, failedAt: null } }),
    db.outboxJob.count({ where: { failedAt: { not: null } } }),
    engine ? engine.counts() : Promise.resolve({ pending: 0, failed: 0 }),
  ]);
  return { pending: pending + inEngine.pending, failed: failed + inEngine.failed };
}
