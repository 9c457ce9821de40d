// Graceful shutdown on SIGTERM (what an orchestrator sends before it kills a process): readiness answers
// 503 at once so the load balancer stops sending traffic, the server stops accepting connections and lets
// requests in flight finish. Then the job runners stop (registered steps: the sweep and the table's runs,
// server/jobs/outbox.ts; pg-boss, server/jobs/pg-boss-outbox.ts): they start nothing more, let running jobs
// finish, and hand back the rest so another instance runs them at once rather than after their lease. The
// work requests left after their responses (code delivery, notifications: server/reset/background-tasks.ts)
// is those job runs, so it is settled by then. Issue 12, finding 1: a graceful stop used to drop that work; what a SIGKILL
// interrupts is taken over after the lease.
import type { Server } from 'node:http';
import type { Logger } from '../log/logger';

type ShutdownStep = (options: { timeoutMs: number }) => Promise<void>;

declare global {
  // Shared by the custom server and Next's bundled routes (the readiness probe), like the task set.
  var verityDraining: boolean | undefined;
  var verityShutdownSteps: Set<ShutdownStep> | undefined;
}
const steps = (globalThis.verityShutdownSteps ??= new Set<ShutdownStep>());

/** Something to stop after requests and their work are done (the job engine), within the time left. */
export function registerShutdownStep(step: ShutdownStep): () => void {
  steps.add(step);
  return () => steps.delete(step);
}

export function isDraining(): boolean {
  return globalThis.verityDraining === true;
}

export type ShutdownResult = 'drained' | 'timedOut';

/** Resolves true when `promise` settles within `ms`, false at the deadline. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, ms))));
  const settled = promise.then(
    () => true,
    () => true,
  );
  try {
    return await Promise.race([settled, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * In order, within `timeoutMs`: requests in flight finish (new connections are refused); the steps stop the
 * job runners (running jobs finish, the rest are handed back to the other instances); the work requests
 * left after their responses (each a job run, now finished or handed back) settles. `drained` when all three
 * did: nothing is lost, so the process exits 0; `timedOut` when something had to be abandoned.
 */
export async function shutDownGracefully(input: {
  server: Server;
  settle: () => Promise<void>;
  timeoutMs: number;
  logger: Logger;
}): Promise<ShutdownResult> {
  globalThis.verityDraining = true;
  input.logger.info({ timeoutMs: input.timeoutMs }, 'shutting down: no new connections, finishing work');
  const closed = new Promise<void>((resolve) => input.server.close(() => resolve()));
  // Keep-alive connections with no request in flight would otherwise hold close() open until they time out.
  input.server.closeIdleConnections();
  const deadlineAt = Date.now() + input.timeoutMs;
  const timeLeft = () => deadlineAt - Date.now();
  // Time kept for the steps even when requests overrun: handing a job back takes one statement.
  const stepReserveMs = steps.size > 0 ? Math.min(5000, Math.round(input.timeoutMs / 4)) : 0;
  // Kept for the background tasks after the steps: by then each has finished or been handed back.
  const settleReserveMs = steps.size > 0 ? Math.min(1000, Math.round(input.timeoutMs / 10)) : 0;
  const isClosed = await settlesWithin(closed, timeLeft() - stepReserveMs - settleReserveMs);
  let areStepsDone = true;
  if (steps.size > 0) {
    const timeoutMs = Math.max(200, timeLeft() - settleReserveMs);
    const stepsDone = Promise.allSettled([...steps].map((step) => step({ timeoutMs })));
    areStepsDone = await settlesWithin(stepsDone, timeoutMs + 500);
  }
  const isSettled = await settlesWithin(input.settle(), Math.max(200, timeLeft()));
  const result: ShutdownResult = isClosed && areStepsDone && isSettled ? 'drained' : 'timedOut';
  input.logger[result === 'drained' ? 'info' : 'warn']({ result, isClosed, areStepsDone, isSettled }, 'shutdown');
  return result;
}
