// The outbox contract on pg-boss (server/jobs/pg-boss-outbox.ts), against PostgreSQL with two engines as two
// portal instances: a job exists only if the state change's transaction committed; one key is one job; the
// writer runs it at once; a dead writer's job is run by the other instance after the lease; failures are
// retried with growing delays and then kept as failed; shutdown finishes or hands back what is running.
// PostgreSQL only (`npm run test:postgres`): on the SQLite default the table engine holds the contract
// (outbox.integration.test.ts and the surfaces' outbox tests).
import http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseTarget, type TestDatabase } from '../database/test-database';
import { createLogger } from '../log/logger';
import { runInBackground, settleBackgroundTasks } from '../reset/background-tasks';
import { registerShutdownStep, shutDownGracefully } from '../shutdown/graceful-shutdown';
import {
  outboxCounts,
  outboxJob,
  runCommittedJob,
  configureOutbox,
  writeOutboxJobs,
  type OutboxHandlers,
} from './outbox';
import { createPgBossOutbox, outboxQueue, type PgBossOutbox, type PgBossOutboxSettings } from './pg-boss-outbox';

const isPostgres = testDatabaseTarget().startsWith('postgres');
const logger = createLogger({ level: 'silent' });
let testDb: TestDatabase;
const running: PgBossOutbox[] = [];

beforeAll(async () => {
  if (isPostgres) testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((engine) => engine.stop({ timeoutMs: 1000 })));
});

async function instance(handlers: OutboxHandlers, options: Partial<PgBossOutboxSettings> = {}) {
  const engine = createPgBossOutbox({
    connectionString: testDb.url,
    leaseSeconds: 3,
    sweepIntervalSeconds: 1,
    pollingIntervalSeconds: 0.5,
    handlers,
    logger,
    ...options,
  });
  running.push(engine);
  await engine.started;
  return engine;
}

const now = () => new Date();
const job = (key: string, payload: Record<string, unknown> = {}) =>
  outboxJob({ name: 'test.record', key, payload: { key, ...payload }, now: now() });

async function eventually(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stateOf(id: string): Promise<string | undefined> {
  const rows = await testDb.db.$queryRawUnsafe<{ state: string }[]>(
    `SELECT state::text AS state FROM pgboss.job WHERE name = $1 AND id = $2::uuid`,
    outboxQueue,
    id,
  );
  return rows[0]?.state;
}

describe.runIf(isPostgres)('the outbox on pg-boss (PostgreSQL)', () => {
  it('is written by the state change’s own transaction: rolled back, no job; committed, one job, run by the writer', async () => {
    const ran: string[] = [];
    const handlers = { 'test.record': async (payload: Record<string, unknown>) => void ran.push(String(payload.key)) };
    const a = await instance(handlers);
    configureOutbox(testDb.db, { engine: a, leaseSeconds: 3 });
    const rolledBack = job('tx:rolled-back');
    await expect(
      testDb.db.$transaction(async (tx) => {
        await writeOutboxJobs({ db: testDb.db }, [rolledBack], tx);
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await stateOf(rolledBack.id)).toBeUndefined();

    const committed = job('tx:committed');
    await testDb.db.$transaction((tx) => writeOutboxJobs({ db: testDb.db }, [committed], tx));
    // Held back by its lease, so no worker takes it before the writer: the writer runs it at once.
    expect(await stateOf(committed.id)).toBe('created');
    await runCommittedJob({ db: testDb.db, now }, committed, handlers);
    expect(ran).toEqual(['tx:committed']);
    expect(await stateOf(committed.id)).toBe('completed');
    expect(await outboxCounts(testDb.db)).toEqual({ pending: 0, failed: 0 });
  });

  it('one key is one job: written twice, run once', async () => {
    const ran: string[] = [];
    const handlers = { 'test.record': async (payload: Record<string, unknown>) => void ran.push(String(payload.key)) };
    const a = await instance(handlers);
    configureOutbox(testDb.db, { engine: a, leaseSeconds: 3 });
    const first = job('key:once');
    expect(await writeOutboxJobs({ db: testDb.db }, [first])).toEqual([first.id]);
    expect(await writeOutboxJobs({ db: testDb.db }, [job('key:once')])).toEqual([]);
    await runCommittedJob({ db: testDb.db, now }, first, handlers);
    await runCommittedJob({ db: testDb.db, now }, first, handlers);
    expect(ran).toEqual(['key:once']);
  });

  it('a writer that died (after writing, or holding the claim) loses nothing: the other instance runs both after the lease', async () => {
    const ranOn: string[] = [];
    const hang = new Promise<void>(() => undefined);
    // A: wrote two jobs; it started one (and hangs in it, as a process killed mid-run), never the other.
    const a = await instance({ 'test.record': () => hang }, { workers: 0 });
    configureOutbox(testDb.db, { engine: a, leaseSeconds: 3 });
    const started = job('dead:started');
    const neverStarted = job('dead:never-started');
    await writeOutboxJobs({ db: testDb.db }, [started, neverStarted]);
    void runCommittedJob({ db: testDb.db, now }, started, {});
    await eventually(async () => (await stateOf(started.id)) === 'active', 2000);
    // B: the other instance. Nothing for it before the lease.
    await instance({ 'test.record': async (payload) => void ranOn.push(String(payload.key)) });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(ranOn).toEqual([]);
    await eventually(() => ranOn.length === 2, 15_000);
    expect(ranOn.sort()).toEqual(['dead:never-started', 'dead:started']);
    expect(await stateOf(started.id)).toBe('completed');
  }, 30_000);

  it('retries a failing job with growing delays, then keeps it as failed (counted)', async () => {
    const attempts: number[] = [];
    const handlers = {
      'test.record': async () => {
        attempts.push(Date.now());
        throw new Error('SMS gateway refused');
      },
    };
    const a = await instance(handlers, { retryLimit: 2, retryDelaySeconds: 1 });
    configureOutbox(testDb.db, { engine: a, leaseSeconds: 3 });
    const failing = job('retry:failing');
    await writeOutboxJobs({ db: testDb.db }, [failing]);
    await runCommittedJob({ db: testDb.db, now }, failing, handlers);
    await eventually(async () => (await stateOf(failing.id)) === 'failed', 20_000);
    expect(attempts).toHaveLength(3);
    const gaps = attempts.slice(1).map((at, i) => at - attempts[i]!);
    // Delays of 1-2 s then 2-4 s (pg-boss: retry_delay * 2^n / 2 * (1 + random)), plus polling.
    expect(gaps[0]).toBeGreaterThanOrEqual(900);
    expect(gaps[1]).toBeGreaterThanOrEqual(1900);
    expect(await outboxCounts(testDb.db)).toMatchObject({ failed: 1 });
  }, 30_000);

  it('two instances share the work: 30 jobs, each run exactly once', async () => {
    const ran: string[] = [];
    const handlers = {
      'test.record': async (payload: Record<string, unknown>) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        ran.push(String(payload.key));
      },
    };
    const a = await instance(handlers, { leaseSeconds: 1 });
    await instance(handlers, { leaseSeconds: 1 });
    configureOutbox(testDb.db, { engine: a, leaseSeconds: 3 });
    const jobs = Array.from({ length: 30 }, (_, i) => job(`share:${i}`));
    await writeOutboxJobs({ db: testDb.db }, jobs);
    // Half are run by their writer at once, the rest by whichever instance's worker fetches them.
    await Promise.all(jobs.slice(0, 15).map((j) => runCommittedJob({ db: testDb.db, now }, j, handlers)));
    await eventually(() => ran.length >= 30, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(ran.sort()).toEqual(jobs.map((j) => j.key).sort());
  }, 30_000);
});

describe.runIf(isPostgres)('SIGTERM with a job in flight (server/shutdown/graceful-shutdown.ts)', () => {
  async function stoppedServer() {
    const server = http.createServer((_request, response) => response.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server;
  }

  it('a job that ends within the deadline is completed by the stopping instance', async () => {
    const ran: string[] = [];
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const handlers = {
      'test.record': async (payload: Record<string, unknown>) => {
        await gate;
        ran.push(String(payload.key));
      },
    };
    const a = await instance(handlers, { leaseSeconds: 30 });
    configureOutbox(testDb.db, { engine: a, leaseSeconds: 3 });
    const inFlight = job('shutdown:finished');
    await writeOutboxJobs({ db: testDb.db }, [inFlight]);
    runInBackground(() => runCommittedJob({ db: testDb.db, now }, inFlight, handlers));
    await eventually(async () => (await stateOf(inFlight.id)) === 'active', 2000);
    const unregister = registerShutdownStep((options) => a.stop(options));
    setTimeout(release, 300);
    const result = await shutDownGracefully({
      server: await stoppedServer(),
      settle: settleBackgroundTasks,
      timeoutMs: 4000,
      logger,
    });
    unregister();
    expect(result).toBe('drained');
    expect(ran).toEqual(['shutdown:finished']);
    expect(await stateOf(inFlight.id)).toBe('completed');
  }, 20_000);

  it('a job still running at the deadline is handed back: the other instance runs it at once, not after the lease', async () => {
    const ranOnB: string[] = [];
    const a = await instance({ 'test.record': () => new Promise<void>(() => undefined) }, { leaseSeconds: 60 });
    configureOutbox(testDb.db, { engine: a, leaseSeconds: 3 });
    const stuck = job('shutdown:handed-back');
    await writeOutboxJobs({ db: testDb.db }, [stuck]);
    runInBackground(() => runCommittedJob({ db: testDb.db, now }, stuck, {}));
    await eventually(async () => (await stateOf(stuck.id)) === 'active', 2000);
    await instance({ 'test.record': async (payload) => void ranOnB.push(String(payload.key)) }, { leaseSeconds: 60 });
    const unregister = registerShutdownStep((options) => a.stop(options));
    const result = await shutDownGracefully({
      server: await stoppedServer(),
      // The request's own work does not end either: the deadline cuts it, and the job is handed back.
      settle: () => new Promise<void>(() => undefined),
      timeoutMs: 2000,
      logger,
    });
    unregister();
    expect(result).toBe('timedOut');
    expect(await stateOf(stuck.id)).toBe('retry');
    // Handed back with the first retry's delay (2-4 s), where a lost claim would wait out its 60 s lease.
    await eventually(() => ranOnB.length === 1, 10_000);
    expect(ranOnB).toEqual(['shutdown:handed-back']);
  }, 30_000);
});
