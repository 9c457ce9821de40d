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
  const job = await deps.db.outboxJob.findUniqueOrThrow({ where: { id: jobId } });
  const handler = handlers[job.name];
  try {
    if (!handler) throw new Error(`no handler for ${job.name}`);
    // Each handler checks its own payload's shape (parseStoredValue); here only that it is a JSON object.
    await handler(parseStoredJson(z.record(z.string(), z.unknown()), job.payloadJson, `OutboxJob ${job.name}`));
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
  }
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
    await runSlot(() =>
      engine ? engine.runCommitted(job, handlers) : runOutboxJob(deps, job.id, handlers, { isWriter: true }),
    );
  } catch {
    // Recorded with its backoff; retried by the engine (pg-boss) or the next sweep (the table).
  }
}

/**
 * Runs due table jobs: retries after their backoff, and jobs whose writer died. Runs on every database:
 * with pg-boss it drains rows written before the switch. Returns how many completed.
 */
export async function sweepOutbox(deps: OutboxDependencies, handlers: OutboxHandlers, limit = 50): Promise<number> {
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
