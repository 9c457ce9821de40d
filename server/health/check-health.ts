import 'server-only';
// Two probes (the Kubernetes liveness/readiness split: https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/):
// liveness says the process answers (restart it if not); readiness says this instance should get traffic
// now: the database answers, Redis answers when REDIS_URL shares limits between instances. A load balancer
// that routes only to ready instances stops sending users to one whose dependencies are down. Each check
// has a deadline, so a hung dependency makes the probe answer "unavailable" instead of hanging it.
// Readiness also requires this instance's job runner to run (docs/decisions/0007): a stopped, crashed or
// stalled runner leaves the jobs its requests write to other instances. The job backlog is shared by every
// instance, so it is reported in the details and never by itself a reason to take this one out of traffic.
import type { DatabaseClient } from '../database/create-database-client';
import type { JobRunnerReadiness } from '../jobs/job-runner-state';

export type DependencyCheck = { reachable: boolean; latencyMs: number };

export type Readiness = {
  status: 'ok' | 'unavailable';
  /** SIGTERM received: finishing work, take the instance out of traffic (server/shutdown/graceful-shutdown.ts). */
  draining: boolean;
  database: DependencyCheck & { provider: 'sqlite' | 'postgresql' };
  redis: (DependencyCheck & { configured: true }) | { configured: false };
  /** This instance's job runner (server/jobs/job-runner-state.ts); not running: unavailable. */
  jobRunner?: JobRunnerReadiness;
  /** Outbox jobs not yet done, and given up after their retries (server/jobs/outbox.ts); details only. */
  jobs?: { pending: number; failed: number };
};

export type Liveness = { status: 'ok'; uptimeSeconds: number };

export type ReadinessParts = {
  db: DatabaseClient;
  provider: 'sqlite' | 'postgresql';
  /** PINGs Redis; absent when REDIS_URL is not set. */
  pingRedis?: () => Promise<unknown>;
  isDraining?: boolean;
  /** Absent where no runner belongs to the process (a context without the production services). */
  jobRunner?: JobRunnerReadiness | undefined;
  countJobs?: () => Promise<{ pending: number; failed: number }>;
  timeoutMs?: number;
};

export function checkLiveness(): Liveness {
  return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
}

async function timed(probe: () => Promise<unknown>, timeoutMs: number): Promise<DependencyCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return { reachable: true, latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { reachable: false, latencyMs: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness(parts: ReadinessParts): Promise<Readiness> {
  const timeoutMs = parts.timeoutMs ?? 2000;
  const [database, redis] = await Promise.all([
    timed(() => parts.db.$queryRaw`SELECT 1`, timeoutMs),
    parts.pingRedis ? timed(parts.pingRedis, timeoutMs) : Promise.resolve(null),
  ]);
  const draining = parts.isDraining ?? false;
  const jobs = database.reachable && parts.countJobs ? await parts.countJobs().catch(() => undefined) : undefined;
  const isRunnerRunning = parts.jobRunner?.isRunning ?? true;
  const isReady = !draining && isRunnerRunning && database.reachable && (redis?.reachable ?? true);
  return {
    status: isReady ? 'ok' : 'unavailable',
    draining,
    database: { provider: parts.provider, ...database },
    redis: redis ? { configured: true, ...redis } : { configured: false },
    ...(parts.jobRunner ? { jobRunner: parts.jobRunner } : {}),
    ...(jobs ? { jobs } : {}),
  };
}
