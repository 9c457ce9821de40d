import 'server-only';
// Two probes (the Kubernetes liveness/readiness split: https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/):
// liveness says the process answers (restart it if not); readiness says this instance should get traffic
// now: the database answers, Redis answers when REDIS_URL shares limits between instances. A load balancer
// that routes only to ready instances stops sending users to one whose dependencies are down. Each check
// has a deadline, so a hung dependency makes the probe answer "unavailable" instead of hanging it.
import type { DatabaseClient } from '../database/create-database-client';

export type DependencyCheck = { reachable: boolean; latencyMs: number };

export type Readiness = {
  status: 'ok' | 'unavailable';
  /** SIGTERM received: finishing work, take the instance out of traffic (server/shutdown/graceful-shutdown.ts). */
  draining: boolean;
  database: DependencyCheck & { provider: 'sqlite' | 'postgresql' };
  redis: (DependencyCheck & { configured: true }) | { configured: false };
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
  const isReady = !draining && database.reachable && (redis?.reachable ?? true);
  return {
    status: isReady ? 'ok' : 'unavailable',
    draining,
    database: { provider: parts.provider, ...database },
    redis: redis ? { configured: true, ...redis } : { configured: false },
    ...(jobs ? { jobs } : {}),
  };
}
