// Work that must not be timed by the requester (account lookup, code delivery, notifications) runs after
// the response. One JSON log line per job (name, outcome, duration, and the request id of the request that
// enqueued it, carried by server/log/request-scope.ts); failures are logged by kind, without secrets.
// Tests await `settleBackgroundTasks()`.
import { errorSummary } from '../http/request-failure';
import type { Logger } from '../log/logger';

// Next bundles route code apart from the custom server (scripts/portal-server.ts), so each gets its own copy
// of this module. The set lives under a process-wide symbol so the server's SIGTERM handler drains the tasks
// that routes started (server/shutdown/graceful-shutdown.ts).
const registry = globalThis as typeof globalThis & { [key: symbol]: unknown };
const registryKey = Symbol.for('verity.backgroundTasks');
registry[registryKey] ??= new Set<Promise<void>>();
const pending = registry[registryKey] as Set<Promise<void>>;

export function runInBackground(
  task: () => Promise<void>,
  job: { name: string; logger?: Logger } = { name: 'task' },
): void {
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  const running = Promise.resolve()
    .then(task)
    .then(
      () => job.logger?.info({ job: job.name, outcome: 'done', durationMs: durationMs() }, 'job'),
      (error: unknown) => {
        const summary = { job: job.name, outcome: 'failed', durationMs: durationMs(), error: errorSummary(error) };
        if (job.logger) job.logger.error(summary, 'job');
        else console.error('[verity] background task failed:', JSON.stringify(summary));
      },
    )
    .finally(() => pending.delete(running));
  pending.add(running);
}

export async function settleBackgroundTasks(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
