import 'server-only';
// A transactional outbox (issue 12, finding 1; docs/decisions/0006): work that follows a state change is a
// row written in the same transaction as the change, so a crash can no longer lose it. The process that
// wrote it runs it at once (off the request path); if that process dies first, any instance's sweep runs it
// after the claim's lock runs out. At least once, with exponential backoff, and idempotent by `key`: the
// claim is a conditional update, so two runners never run one job at the same time, and a completed job
// never runs again.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DatabaseClient } from '../database/create-database-client';
import { parseStoredJson } from '../database/stored-json';
import { errorSummary } from '../http/request-failure';

export type OutboxHandler = (payload: Record<string, unknown>) => Promise<void>;
export type OutboxHandlers = Record<string, OutboxHandler>;
export type OutboxDependencies = { db: DatabaseClient; now: () => Date };

/** How long a run may take before another runner may take the job over (a crashed runner's claim). */
export const outboxLockSeconds = 60;
const maxAttempts = 8;
const backoffSeconds = (attempts: number) => Math.min(600, 2 ** attempts);

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

/** The row to create inside the caller's transaction. */
export function outboxJob(input: { name: string; key: string; payload: Record<string, unknown>; now: Date }) {
  return {
    id: randomUUID(),
    key: input.key,
    name: input.name,
    payloadJson: JSON.stringify(input.payload),
    createdAt: input.now,
    // The writer runs it at once; a sweep may take it over only after this, should the writer die.
    lockedUntil: new Date(input.now.getTime() + outboxLockSeconds * 1000),
  };
}

/** Runs one job if it is due and unclaimed (or its claim expired). Returns whether it completed now. */
export async function runOutboxJob(
  deps: OutboxDependencies,
  jobId: string,
  handlers: OutboxHandlers,
  options: { isWriter?: boolean } = {},
): Promise<boolean> {
  const now = deps.now();
  const lockedUntil = new Date(now.getTime() + outboxLockSeconds * 1000);
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
    const isLast = job.attempts >= maxAttempts;
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
 * The writer's run of a job it has just committed. A failure is already on the row with its backoff, so it
 * is not the caller's: the sweep retries it (the change it follows stands either way).
 */
export async function runCommittedJob(
  deps: OutboxDependencies,
  job: { id: string },
  handlers: OutboxHandlers,
): Promise<void> {
  try {
    await runSlot(() => runOutboxJob(deps, job.id, handlers, { isWriter: true }));
  } catch {
    // Recorded on the row; the next sweep retries it.
  }
}

/** Runs due jobs: retries after their backoff, and jobs whose writer died. Returns how many completed. */
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

/** Pending and failed jobs, for /api/health details. */
export async function outboxCounts(db: DatabaseClient): Promise<{ pending: number; failed: number }> {
  const [pending, failed] = await Promise.all([
    db.outboxJob.count({ where: { completedAt: null, failedAt: null } }),
    db.outboxJob.count({ where: { failedAt: { not: null } } }),
  ]);
  return { pending, failed };
}
