// Graceful shutdown on SIGTERM (what an orchestrator sends before it kills a process): readiness answers
// 503 at once so the load balancer stops sending traffic, the server stops accepting connections and lets
// requests in flight finish, and the work they left running after their responses (code delivery,
// notifications: server/reset/background-tasks.ts) is awaited before the process exits, within a deadline.
// Then the durable job engine stops (registered steps: pg-boss, server/jobs/pg-boss-outbox.ts): it fetches
// nothing more, lets running jobs finish, and hands back the rest so another instance runs them at once
// rather than after their lease. Issue 12, finding 1: a graceful stop used to drop that work; what a SIGKILL
// interrupts is taken over after the lease.
import type { Server } from 'node:http';
import type { Logger } from '../log/logger';

const registry = globalThis as typeof globalThis & { [key: symbol]: unknown };
// Shared by the custom server and Next's bundled routes (the readiness probe), like the task set.
const drainingKey = Symbol.for('verity.draining');
const stepsKey = Symbol.for('verity.shutdownSteps');
type ShutdownStep = (options: { timeoutMs: number }) => Promise<void>;
registry[stepsKey] ??= new Set<ShutdownStep>();
const steps = registry[stepsKey] as Set<ShutdownStep>;

/** Something to stop after requests and their work are done (the job engine), within the time left. */
export function registerShutdownStep(step: ShutdownStep): () => void {
  steps.add(step);
  return () => steps.delete(step);
}

export function isDraining(): boolean {
  return registry[drainingKey] === true;
}

export type ShutdownResult = 'drained' | 'timedOut';

export async function shutDownGracefully(input: {
  server: Server;
  settle: () => Promise<void>;
  timeoutMs: number;
  logger: Logger;
}): Promise<ShutdownResult> {
  registry[drainingKey] = true;
  input.logger.info({ timeoutMs: input.timeoutMs }, 'shutting down: no new connections, finishing work');
  const closed = new Promise<void>((resolve) => input.server.close(() => resolve()));
  // Keep-alive connections with no request in flight would otherwise hold close() open until they time out.
  input.server.closeIdleConnections();
  const deadlineAt = Date.now() + input.timeoutMs;
  // Time kept for the steps even when requests overrun: handing a job back takes one statement.
  const stepReserveMs = steps.size > 0 ? Math.min(5000, Math.round(input.timeoutMs / 4)) : 0;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ShutdownResult>((resolve) => {
    timer = setTimeout(() => resolve('timedOut'), input.timeoutMs - stepReserveMs);
  });
  const drained = Promise.all([closed, input.settle()]).then((): ShutdownResult => 'drained');
  let result = await Promise.race([drained, deadline]);
  clearTimeout(timer);
  if (steps.size > 0) {
    const timeoutMs = Math.max(200, deadlineAt - Date.now());
    const stepDeadline = new Promise<'timedOut'>((resolve) => {
      timer = setTimeout(() => resolve('timedOut'), timeoutMs + 500);
    });
    const stepsDone = Promise.allSettled([...steps].map((step) => step({ timeoutMs }))).then(() => 'done' as const);
    if ((await Promise.race([stepsDone, stepDeadline])) === 'timedOut') result = 'timedOut';
    clearTimeout(timer);
  }
  input.logger[result === 'drained' ? 'info' : 'warn']({ result }, 'shutdown');
  return result;
}
