import 'server-only';
// Whether THIS instance's job runner runs, for readiness (server/health/check-health.ts; docs/decisions/0007).
// The runner is the sweep loop (server/reset/write-reconciliation-schedule.ts: expired write claims, table
// jobs) and, on PostgreSQL, pg-boss's workers (server/jobs/pg-boss-outbox.ts). Each part reports its status;
// the loop also reports progress after every tick and every job it runs. An instance whose runner stopped
// (shutdown begun), crashed (pg-boss could not start) or stalled (no progress for longer than a job may run
// plus two sweeps) should not get traffic: the jobs its requests write would wait for another instance.
// A shared backlog alone is not this instance's fault and is never a reason (reported in details only).

export type JobRunnerPart = 'sweep' | 'pg-boss';
export type JobRunnerPartStatus = 'starting' | 'running' | 'stopped' | 'crashed';

export type JobRunnerSnapshot = {
  parts: ReadonlyMap<JobRunnerPart, { status: JobRunnerPartStatus; since: Date }>;
  lastProgressAt: Date | null;
  /** No progress for longer than this: stalled. */
  stallAfterMs: number;
};

export type JobRunnerReadiness = {
  isRunning: boolean;
  status: 'running' | 'starting' | 'stopped' | 'crashed' | 'stalled';
  /** Seconds since the sweep loop last made progress; null before its first. */
  lastProgressSecondsAgo: number | null;
};

// The custom server and Next's bundled routes each load their own copy of a module: one state per process.
const holder = globalThis as typeof globalThis & { [key: symbol]: unknown };
const stateKey = Symbol.for('verity.jobRunner');
type State = {
  parts: Map<JobRunnerPart, { status: JobRunnerPartStatus; since: Date }>;
  lastProgressAt: Date | null;
  stallAfterMs: number;
};
holder[stateKey] ??= { parts: new Map(), lastProgressAt: null, stallAfterMs: 80_000 } satisfies State;
const state = holder[stateKey] as State;

/** The longest a healthy loop goes without progress: one job's lease (its longest run) plus two sweeps. */
export function stallAfterMsFor(settings: { JOB_LEASE_SECONDS: number; SWEEP_INTERVAL_SECONDS: number }): number {
  return (settings.JOB_LEASE_SECONDS + 2 * settings.SWEEP_INTERVAL_SECONDS) * 1000;
}

export function configureJobRunner(settings: { stallAfterMs: number }): void {
  state.stallAfterMs = settings.stallAfterMs;
}

export function reportJobRunnerPart(part: JobRunnerPart, status: JobRunnerPartStatus, now: Date): void {
  state.parts.set(part, { status, since: now });
}

export function recordJobRunnerProgress(now: Date): void {
  state.lastProgressAt = now;
}

export function jobRunnerSnapshot(): JobRunnerSnapshot {
  return { parts: new Map(state.parts), lastProgressAt: state.lastProgressAt, stallAfterMs: state.stallAfterMs };
}

const worstFirst: readonly JobRunnerPartStatus[] = ['crashed', 'stopped', 'starting'];

/**
 * The runner's readiness at `now`: a part crashed, stopped or starting, else stalled, else running.
 * Undefined when no part was ever started in this process: no runner belongs to it (a context built without
 * the production services, as in tests). Production starts the sweep before it serves its first request.
 */
export function judgeJobRunner(snapshot: JobRunnerSnapshot, now: Date): JobRunnerReadiness | undefined {
  const lastProgressSecondsAgo = snapshot.lastProgressAt
    ? Math.round((now.getTime() - snapshot.lastProgressAt.getTime()) / 1000)
    : null;
  const statuses = [...snapshot.parts.values()].map((part) => part.status);
  if (statuses.length === 0) return undefined;
  const worst = worstFirst.find((status) => statuses.includes(status));
  if (worst) return { isRunning: false, status: worst, lastProgressSecondsAgo };
  // Before the first progress, the loop's clock starts when it was started.
  const sweep = snapshot.parts.get('sweep');
  const progressedAt = snapshot.lastProgressAt ?? sweep?.since ?? null;
  if (progressedAt && now.getTime() - progressedAt.getTime() > snapshot.stallAfterMs)
    return { isRunning: false, status: 'stalled', lastProgressSecondsAgo };
  return { isRunning: true, status: 'running', lastProgressSecondsAgo };
}
