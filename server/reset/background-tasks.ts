// Work that must not be timed by the requester (account lookup, code delivery, notifications) runs after
// the response. One JSON log line per job (name, outcome, duration, and the request id of the request that
// enqueued it, carried by server/log/request-scope.ts); failures are logged by kind, without secrets.
// Tests await `settleBackgroundTasks()`.
import { errorSummary } from '../http/request-failure';
import type { Logger } from '../log/logger';

const pending = new Set<Promise<void>>();

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
