// Graceful shutdown on SIGTERM (what an orchestrator sends before it kills a process): readiness answers
// 503 at once so the load balancer stops sending traffic, the server stops accepting connections and lets
// requests in flight finish, and the work they left running after their responses (code delivery,
// notifications: server/reset/background-tasks.ts) is awaited before the process exits, within a deadline.
// Issue 12, finding 1: a graceful stop used to drop that work. (A SIGKILL still loses it; see README.)
import type { Server } from 'node:http';
import type { Logger } from '../log/logger';

declare global {
  // Shared by the custom server and Next's bundled routes (the readiness probe), like the task set.
  var verityDraining: boolean | undefined;
}

export function isDraining(): boolean {
  return globalThis.verityDraining === true;
}

export type ShutdownResult = 'drained' | 'timedOut';

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
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ShutdownResult>((resolve) => {
    timer = setTimeout(() => resolve('timedOut'), input.timeoutMs);
  });
  const drained = Promise.all([closed, input.settle()]).then((): ShutdownResult => 'drained');
  const result = await Promise.race([drained, deadline]);
  clearTimeout(timer);
  input.logger[result === 'drained' ? 'info' : 'warn']({ result }, 'shutdown');
  return result;
}
