import { NextResponse } from 'next/server';
import { checkHealth } from '@/server/health/check-health';
import { defineRoute } from '@/server/http/define-route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({
  name: 'health',
  access: 'public',
  handle: async () => {
    const health = await checkHealth();
    return NextResponse.json(health, { status: health.status === 'ok' ? 200 : 503 });
  },
});
