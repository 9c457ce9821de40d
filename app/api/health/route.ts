// GET /api/health: readiness (200 ready; 503 when a dependency is down, when draining after SIGTERM, or when this
// instance's job runner is not running: take this instance out of traffic; docs/decisions/0007); `?probe=live` and
// /api/health/live: liveness only. Public and without secrets: provider, reachability and latency.
import { z } from 'zod';
import { databaseProvider } from '@/server/config';
import { checkLiveness, checkReadiness } from '@/server/health/check-health';
import { judgeJobRunner, jobRunnerSnapshot } from '@/server/jobs/job-runner-state';
import { outboxCounts } from '@/server/jobs/outbox';
import { defineRoute } from '@/server/http/define-route';
import { redisClient } from '@/server/rate-limit/rate-limiter';
import { isDraining } from '@/server/shutdown/graceful-shutdown';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({
  name: 'health',
  access: 'public',
  query: z.object({ probe: z.enum(['live', 'ready']).default('ready') }),
  handle: async (context, { query }) => {
    if (query.probe === 'live') return checkLiveness();
    const redisUrl = context.settings.REDIS_URL;
    const readiness = await checkReadiness({
      db: context.db,
      provider: databaseProvider(context.settings),
      isDraining: isDraining(),
      jobRunner: judgeJobRunner(jobRunnerSnapshot(), context.clock.now()),
      countJobs: () => outboxCounts(context.db),
      ...(redisUrl ? { pingRedis: () => redisClient(redisUrl).ping() } : {}),
    });
    return Response.json(readiness, { status: readiness.status === 'ok' ? 200 : 503 });
  },
});
