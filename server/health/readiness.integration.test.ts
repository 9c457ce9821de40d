// Readiness and this instance's job runner (docs/decisions/0007): /api/health answers 503 when the runner of
// THIS instance is stopped (shutdown begun), crashed (pg-boss could not start) or stalled (no progress for a
// lease and two sweeps); a large shared backlog alone keeps the instance in rotation, reported in details.
import { describe, expect, it } from 'vitest';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { createLogger } from '../log/logger';
import {
  judgeJobRunner,
  jobRunnerSnapshot,
  stallAfterMsFor,
  type JobRunnerPart,
  type JobRunnerPartStatus,
  type JobRunnerSnapshot,
} from '../jobs/job-runner-state';
import { startWriteReconciliation } from '../reset/write-reconciliation-schedule';
import { memoryDirectory, testResetDependencies } from '../reset/reset-test-support';
import { checkReadiness } from './check-health';

const testDb = setUpTestDatabase();
const at = new Date('2026-03-02T09:00:00Z');
const seconds = (n: number) => new Date(at.getTime() + n * 1000);
const stallAfterMs = stallAfterMsFor({ JOB_LEASE_SECONDS: 60, SWEEP_INTERVAL_SECONDS: 10 });

function snapshot(parts: [JobRunnerPart, JobRunnerPartStatus][], lastProgressAt: Date | null = at): JobRunnerSnapshot {
  return { parts: new Map(parts.map(([part, status]) => [part, { status, since: at }])), lastProgressAt, stallAfterMs };
}

describe('the job runner, judged for readiness', () => {
  it('is running while its parts run and it makes progress; a stopped, crashed or starting part is not', () => {
    const running = snapshot([
      ['sweep', 'running'],
      ['pg-boss', 'running'],
    ]);
    expect(judgeJobRunner(running, seconds(30))).toEqual({
      isRunning: true,
      status: 'running',
      lastProgressSecondsAgo: 30,
    });
    for (const status of ['stopped', 'crashed', 'starting'] as const)
      expect(
        judgeJobRunner(
          snapshot([
            ['sweep', 'running'],
            ['pg-boss', status],
          ]),
          seconds(1),
        ),
      ).toMatchObject({ isRunning: false, status });
    // No part ever started in this process: no runner belongs to it, nothing to judge.
    expect(judgeJobRunner(snapshot([]), at)).toBeUndefined();
  });

  it('is stalled after a lease and two sweeps without progress (80 s by default), not before', () => {
    expect(stallAfterMs).toBe(80_000);
    const quiet = snapshot([['sweep', 'running']]);
    expect(judgeJobRunner(quiet, seconds(80))?.isRunning).toBe(true);
    expect(judgeJobRunner(quiet, seconds(81))).toMatchObject({ isRunning: false, status: 'stalled' });
    // Before its first tick the loop counts from its start.
    expect(judgeJobRunner(snapshot([['sweep', 'running']], null), seconds(81))?.status).toBe('stalled');
  });
});

describe('readiness', () => {
  const running = judgeJobRunner(snapshot([['sweep', 'running']]), seconds(1));
  const stopped = judgeJobRunner(snapshot([['sweep', 'stopped']]), seconds(1));

  it('answers unavailable when this instance’s runner is not running, with every dependency up', async () => {
    const readiness = await checkReadiness({ db: testDb.db, provider: 'sqlite', jobRunner: stopped });
    expect(readiness).toMatchObject({
      status: 'unavailable',
      draining: false,
      database: { reachable: true },
      jobRunner: { isRunning: false, status: 'stopped' },
    });
  });

  it('stays ok with a large shared backlog and a running runner: the backlog is in the details only', async () => {
    const readiness = await checkReadiness({
      db: testDb.db,
      provider: 'sqlite',
      jobRunner: running,
      countJobs: async () => ({ pending: 50_000, failed: 120 }),
    });
    expect(readiness).toMatchObject({ status: 'ok', jobs: { pending: 50_000, failed: 120 } });
  });

  it('the real sweep loop reports itself running, and stopped once stopped (shutdown begun)', async () => {
    const deps = testResetDependencies(testDb.db, memoryDirectory([]));
    const stop = startWriteReconciliation(deps, createLogger({ level: 'silent' }), {}, 60_000);
    const now = new Date();
    expect(judgeJobRunner(jobRunnerSnapshot(), now)).toMatchObject({ isRunning: true, status: 'running' });
    expect(
      (await checkReadiness({ db: testDb.db, provider: 'sqlite', jobRunner: judgeJobRunner(jobRunnerSnapshot(), now) }))
        .status,
    ).toBe('ok');
    stop();
    const after = judgeJobRunner(jobRunnerSnapshot(), new Date());
    expect(after).toMatchObject({ isRunning: false, status: 'stopped' });
    expect((await checkReadiness({ db: testDb.db, provider: 'sqlite', jobRunner: after })).status).toBe('unavailable');
  });
});
