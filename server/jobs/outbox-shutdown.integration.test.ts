// SIGTERM on the embedded SQLite default (issue 12, graceful shutdown): the table jobs this process holds
// are released when it stops (stopOutboxRuns), not left claimed until their lease runs out. A run that
// finishes within the grace period is completed; one still running at its end, and one written but not run
// yet, are handed back, and a second process (another client of the same database) runs them at once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDatabaseClient, type DatabaseClient } from '../database/create-database-client';
import { setUpTestDatabase } from '../database/set-up-test-database';
import {
  outboxJob,
  outboxLockSeconds,
  runCommittedJob,
  stopOutboxRuns,
  sweepOutbox,
  writeOutboxJobs,
  type OutboxHandlers,
} from './outbox';

const testDb = setUpTestDatabase();
let second: DatabaseClient;
beforeAll(() => {
  second = createDatabaseClient(testDb.url, process.cwd());
});
afterAll(async () => {
  await second?.$disconnect();
});
beforeEach(async () => {
  await testDb.db.outboxJob.deleteMany({});
});

const startedAt = new Date('2026-03-02T09:00:00Z');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recordingHandlers(runs: string[], options: { holdKey?: string; quickKey?: string }): OutboxHandlers {
  return {
    'test.deliver': async (payload) => {
      const key = String(payload.key);
      runs.push(key);
      // The held delivery: a gateway that never answers while this process stops.
      if (key === options.holdKey) await new Promise(() => undefined);
      if (key === options.quickKey) await pause(50);
    },
  };
}

const job = (key: string) => outboxJob({ name: 'test.deliver', key, payload: { key }, now: startedAt });

describe('stopping the table outbox at SIGTERM', () => {
  it('a run still going at the deadline and a job not run yet are handed back; a second process runs them at once', async () => {
    const runs: string[] = [];
    const dying = { db: testDb.db, now: () => startedAt };
    const handlers = recordingHandlers(runs, { holdKey: 'held', quickKey: 'quick' });
    const [held, quick, queued] = [job('held'), job('quick'), job('queued')];
    await writeOutboxJobs(dying, [held, quick, queued]);
    const heldRun = runCommittedJob(dying, held, handlers);
    const quickRun = runCommittedJob(dying, quick, handlers);
    // Both runs have started (claimed) when SIGTERM comes.
    while (runs.length < 2) await pause(5);

    const stoppedAt = Date.now();
    expect(await stopOutboxRuns(testDb.db, { timeoutMs: 300 })).toBe(2);
    // The held run no longer holds anything up (the background task settles), and the quick one completed.
    await Promise.all([heldRun, quickRun]);
    expect(Date.now() - stoppedAt).toBeLessThan(2_000);
    const rows = await testDb.db.outboxJob.findMany({ orderBy: { key: 'asc' } });
    expect(rows.map((row) => [row.key, row.completedAt !== null, row.lockedUntil])).toEqual([
      ['held', false, null],
      ['queued', false, null],
      ['quick', true, null],
    ]);
    // The stopping process starts nothing more: its writer's run of the queued job does nothing.
    await runCommittedJob(dying, queued, handlers);
    expect(await sweepOutbox(dying, handlers)).toBe(0);

    // A second process, one second later (far inside the 60 s lease), takes both over.
    const otherRuns: string[] = [];
    const other = { db: second, now: () => new Date(startedAt.getTime() + 1_000) };
    expect(1_000).toBeLessThan(outboxLockSeconds * 1000);
    expect(await sweepOutbox(other, recordingHandlers(otherRuns, {}))).toBe(2);
    expect(otherRuns.sort()).toEqual(['held', 'queued']);
    expect(runs.sort()).toEqual(['held', 'quick']);
    expect(await testDb.db.outboxJob.count({ where: { completedAt: null } })).toBe(0);
  });
});
