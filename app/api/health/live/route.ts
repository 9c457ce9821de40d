// GET /api/health/live: the process answers (liveness). Touches no dependency, so an outage of the
// database or Redis never gets a healthy process restarted.
import { checkLiveness } from '@/server/health/check-health';
import { defineRoute } from '@/server/http/define-route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({
  name: 'health.live',
  access: 'public',
  handle: async () => checkLiveness(),
});
