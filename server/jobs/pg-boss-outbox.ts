import 'server-only';
// The outbox on PostgreSQL (server/jobs/outbox.ts; docs/decisions/0006, Decision 2): pg-boss 10 stores and
// runs the jobs. A job is inserted by pg-boss's own statement inside the state change's Prisma transaction
// (`send(…, { db })`, the documented way to enqueue in your transaction: https://github.com/timgit/pg-boss/
// blob/10.4.2/docs/readme.md "send()": `db` "is an object with an executeSql(text, values) function"), with
// the key's UUID as its id, so a key is one job; its start is held back by one lease so that the writer runs
// it at once and nobody else does meanwhile. Every instance's workers fetch due jobs with SKIP LOCKED
// (retries after pg-boss's exponential backoff; jobs whose runner died, which pg-boss's maintenance fails
// once their lease has expired); after the last attempt the job stays `failed` (counted in /api/health).
// pg-boss creates and migrates its own schema (`pgboss`) at start, under an advisory lock, without network.
import PgBoss from 'pg-boss';
import { z } from 'zod';
import type { Logger } from '../log/logger';
import { parseStoredValue } from '../database/stored-json';
import { errorSummary } from '../http/request-failure';
import { reportJobRunnerPart } from './job-runner-state';
import { outboxMaxAttempts, type OutboxEngine, type OutboxHandlers, type OutboxJob, type OutboxWriter } from './outbox';

export const outboxQueue = 'verity_outbox';
const schema = 'pgboss';

export type PgBossOutboxSettings = {
  connectionString: string;
  /** How long one run may take; a claim older than this (its runner died) is failed and retried. */
  leaseSeconds: number;
  /** How often pg-boss's maintenance looks for expired claims (one instance does it each time). */
  sweepIntervalSeconds: number;
  /** Every job this process may run (server/jobs/portal-outbox-handlers.ts). */
  handlers: OutboxHandlers;
  logger: Logger;
  /** Workers per process (each runs one job at a time); pooled connections are shared with nothing else. */
  workers?: number;
  pollingIntervalSeconds?: number;
  /** Runs after the first (default: the outbox's 8 attempts in all), and the first retry's delay in seconds. */
  retryLimit?: number;
  retryDelaySeconds?: number;
};

export type PgBossOutbox = OutboxEngine & {
  /** Resolves once the schema and the queue exist and the workers run. */
  started: Promise<void>;
  /**
   * Stops fetching, lets running jobs finish within `timeoutMs`, and hands back the rest (failed with a
   * retry, so another instance runs them at once rather than after their lease).
   */
  stop(options: { timeoutMs: number }): Promise<void>;
};

const jobData = z.object({ name: z.string(), key: z.string(), payload: z.record(z.string(), z.unknown()) });
const claimedRow = z.object({ data: z.unknown(), retry_count: z.number() });
const jobCounts = z.object({ pending: z.coerce.number(), failed: z.coerce.number() });
type JobData = z.infer<typeof jobData>;

/** pg-boss's `db` option served by a Prisma transaction (its statements are plain parameterised SQL). */
function prismaExecutor(tx: OutboxWriter) {
  return {
    executeSql: async (text: string, values: unknown[] = []) => {
      // pg would serialise objects to JSON and undefined to NULL itself; Prisma takes neither as is.
      const args = values.map((value) =>
        value === undefined ? null : value !== null && typeof value === 'object' ? JSON.stringify(value) : value,
      );
      return { rows: await tx.$queryRawUnsafe<unknown[]>(text, ...args) };
    },
  };
}

async function within<T>(promise: Promise<T>, seconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`job ran longer than its ${seconds} s lease`)), seconds * 1000);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function createPgBossOutbox(settings: PgBossOutboxSettings): PgBossOutbox {
  const boss = new PgBoss({
    connectionString: settings.connectionString,
    schema,
    application_name: 'verity-outbox',
    max: (settings.workers ?? 4) + 2,
    migrate: true,
    supervise: true,
    schedule: false,
    maintenanceIntervalSeconds: settings.sweepIntervalSeconds,
    // Completed jobs stay two days, so a dated key (`…:<day>`) is still one job; failed ones two weeks.
    archiveCompletedAfterSeconds: 2 * 86_400,
    archiveFailedAfterSeconds: 14 * 86_400,
    deleteAfterDays: 14,
  });
  boss.on('error', (error: unknown) => settings.logger.error({ job: 'outbox', error: errorSummary(error) }, 'job'));
  // The writer's own runs (claimed by id), each with a way to stop waiting for it when handed back at shutdown.
  const inFlight = new Map<string, { settled: Promise<unknown>; handBack: () => void }>();
  // Jobs written here and held back one lease for this writer's run, not yet claimed: handed back at shutdown.
  // Id to the end of its hold (ms): past it, any instance may run the job anyway.
  const writtenHere = new Map<string, number>();
  let isStopping = false;

  async function run(data: JobData, attempt: number): Promise<void> {
    const started = performance.now();
    const handler = settings.handlers[data.name];
    try {
      if (!handler) throw new Error(`no handler for ${data.name}`);
      await within(handler(data.payload), settings.leaseSeconds);
      settings.logger.info({ job: data.name, outcome: 'done', attempt, durationMs: elapsed(started) }, 'job');
    } catch (error) {
      const summary = { job: data.name, outcome: 'failed', attempt, durationMs: elapsed(started) };
      settings.logger.warn({ ...summary, error: errorSummary(error) }, 'job');
      throw error;
    }
  }

  let starting: Promise<void> | undefined;
  const ensureStarted = (): Promise<void> => {
    starting ??= (async () => {
      reportJobRunnerPart('pg-boss', 'starting', new Date());
      await boss.start();
      const queue = {
        name: outboxQueue,
        policy: 'standard' as const,
        retryLimit: settings.retryLimit ?? outboxMaxAttempts - 1,
        // pg-boss doubles it per attempt, with jitter: 2-4 s, 4-8 s, … (retry_delay * 2^n / 2 * (1 + random)).
        retryDelay: settings.retryDelaySeconds ?? 2,
        retryBackoff: true,
        expireInSeconds: settings.leaseSeconds,
      };
      await boss.createQueue(outboxQueue, queue);
      // createQueue keeps an existing queue as it was: apply this configuration's lease.
      await boss.updateQueue(outboxQueue, queue);
      for (let worker = 0; worker < (settings.workers ?? 4); worker += 1)
        await boss.work<JobData>(
          outboxQueue,
          { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: settings.pollingIntervalSeconds ?? 2 },
          async ([job]) => {
            if (job) await run(parseStoredValue(jobData, job.data, `pg-boss ${outboxQueue}`), job.retryCount + 1);
          },
        );
      reportJobRunnerPart('pg-boss', 'running', new Date());
    })().catch((error: unknown) => {
      // No workers run here: readiness answers 503 until a later call starts them (server/jobs/job-runner-state.ts).
      reportJobRunnerPart('pg-boss', 'crashed', new Date());
      settings.logger.error({ job: 'outbox', error: errorSummary(error) }, 'job engine did not start');
      starting = undefined;
      throw error;
    });
    return starting;
  };
  const started = ensureStarted();
  started.catch(() => undefined);

  return {
    kind: 'pg-boss',
    started,
    async write(tx, jobs) {
      await ensureStarted();
      const written: string[] = [];
      for (const job of jobs) {
        const id = await boss.send(
          outboxQueue,
          { name: job.name, key: job.key, payload: job.payload },
          // Held back one lease: the writer runs it meanwhile (runCommitted); after that, anyone.
          { id: job.id, singletonKey: job.key, startAfter: settings.leaseSeconds, db: prismaExecutor(tx) },
        );
        if (id) written.push(id);
      }
      for (const [id, until] of writtenHere) if (until <= Date.now()) writtenHere.delete(id);
      for (const id of written) writtenHere.set(id, Date.now() + settings.leaseSeconds * 1000);
      return written;
    },
    async runCommitted(job: OutboxJob) {
      if (isStopping) return false;
      await ensureStarted();
      writtenHere.delete(job.id);
      // pg-boss fetches by queue, not by id: the writer's claim is the same conditional update its fetch
      // makes (state to active, started_on), on this one row; a worker that fetched it first wins.
      const claim = await boss
        .getDb()
        .executeSql(
          `UPDATE ${schema}.job SET state = 'active', started_on = now() WHERE name = $1 AND id = $2 AND state = 'created' RETURNING data, retry_count`,
          [outboxQueue, job.id],
        );
      const row = claimedRow.optional().parse(claim.rows[0]);
      if (!row) return false;
      const running = run(parseStoredValue(jobData, row.data, `pg-boss ${outboxQueue}`), row.retry_count + 1);
      let handBack = () => {};
      const handedBack = new Promise<'handedBack'>((resolve) => (handBack = () => resolve('handedBack')));
      inFlight.set(job.id, { settled: running.catch(() => undefined), handBack });
      try {
        // Handed back at shutdown (failed with a retry by stop): its outcome here is no longer recorded.
        if ((await Promise.race([running.then(() => 'done' as const), handedBack])) === 'handedBack') return false;
        await boss.complete(outboxQueue, job.id);
        return true;
      } catch (error) {
        await boss.fail(outboxQueue, job.id, errorSummary(error));
        throw error;
      } finally {
        inFlight.delete(job.id);
      }
    },
    async counts() {
      await ensureStarted();
      const result = await boss
        .getDb()
        .executeSql(
          `SELECT count(*) FILTER (WHERE state < 'completed') AS pending, count(*) FILTER (WHERE state = 'failed') AS failed FROM ${schema}.job WHERE name = $1`,
          [outboxQueue],
        );
      return jobCounts.parse(result.rows[0]);
    },
    async stop({ timeoutMs }) {
      isStopping = true;
      reportJobRunnerPart('pg-boss', 'stopped', new Date());
      if (!starting) return;
      await starting.catch(() => undefined);
      const stoppingAt = Date.now();
      // No worker fetches another job from here on.
      await boss.offWork(outboxQueue);
      // Written here, held back for a run that will not happen now: due at once for every instance.
      if (writtenHere.size > 0)
        await boss
          .getDb()
          .executeSql(
            `UPDATE ${schema}.job SET start_after = now() WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'created'`,
            [outboxQueue, [...writtenHere.keys()]],
          );
      writtenHere.clear();
      // The writer's own runs (claimed by id, so not pg-boss's to track): finish, or be handed back.
      // pg-boss's own stop takes at least a second (its minimum timeout): kept out of the wait.
      const deadline = new Promise((resolve) => setTimeout(resolve, Math.max(0, timeoutMs - 1500)).unref());
      await Promise.race([Promise.allSettled([...inFlight.values()].map((run) => run.settled)), deadline]);
      for (const [id, run] of inFlight) {
        await boss.fail(outboxQueue, id, { message: 'portal shut down while the job ran' });
        run.handBack();
      }
      // The workers' runs: pg-boss waits for them until the deadline, then fails (hands back) the rest.
      const timeout = Math.max(0, timeoutMs - (Date.now() - stoppingAt));
      await boss.stop({ graceful: true, timeout, wait: true, close: true });
    },
  };
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
