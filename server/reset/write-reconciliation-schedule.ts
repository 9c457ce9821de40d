import 'server-only';
// Sweeps password writes and unlocks whose lease ran out (the process that held them died, or the user
// closed the confirming page) every SWEEP_INTERVAL_SECONDS (10 s), so a change that landed is audited and notified and a claim that
// did not is freed even when nobody comes back (issue 12, finding 2); and runs the outbox jobs a dead
// process left behind. Each portal instance sweeps; the
// settlement is a conditional update, so two instances never complete one write twice. The loop reports its
// progress after each tick and each job for readiness (server/jobs/job-runner-state.ts).
import type { Logger } from '../log/logger';
import { errorSummary } from '../http/request-failure';
import { recordJobRunnerProgress, reportJobRunnerPart } from '../jobs/job-runner-state';
import { sweepOutbox, type OutboxHandlers } from '../jobs/outbox';
import { reconcileExpiredWrites } from './directory-write-intent';
import type { ResetDependencies } from './reset-dependencies';

export function startWriteReconciliation(
  deps: ResetDependencies,
  logger: Logger,
  /** Every surface's outbox jobs (server/jobs/portal-outbox-handlers.ts). */
  outboxHandlers: OutboxHandlers,
  intervalMs: number,
): () => void {
  let isRunning = false;
  const progressed = () => recordJobRunnerProgress(new Date());
  reportJobRunnerPart('sweep', 'running', new Date());
  const timer = setInterval(() => {
    if (isRunning) return;
    isRunning = true;
    reconcileExpiredWrites(deps)
      .then(async (settled) => {
        if (settled > 0) logger.info({ job: 'reset.reconcileWrites', settled }, 'job');
        // Outbox jobs whose writer died, and retries after their backoff (server/jobs/outbox.ts).
        const completed = await sweepOutbox(deps, outboxHandlers, 50, progressed);
        if (completed > 0) logger.info({ job: 'outbox.sweep', completed }, 'job');
      })
      .catch((error: unknown) => logger.error({ job: 'reset.reconcileWrites', error: errorSummary(error) }, 'job'))
      .finally(() => {
        isRunning = false;
        progressed();
      });
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    reportJobRunnerPart('sweep', 'stopped', new Date());
  };
}
