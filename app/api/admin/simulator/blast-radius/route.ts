// POST /api/admin/simulator/blast-radius: the evaluation streamed as NDJSON (application/x-ndjson), one
// BlastRadiusEvent per line. Aborting the request (the page's Cancel) stops the work on the server. The role is
// checked by the pipeline before the body (up to 1 MB of changed policies) is read.
import { z } from 'zod';
import { defineRoute } from '@/server/http/define-route';
import { startBlastRadiusStreamForAdmin } from '@/server/simulator/blast-radius-stream';

export const dynamic = 'force-dynamic';

export const POST = defineRoute({
  name: 'admin.simulator.blastRadius',
  access: { roles: ['Portal.Admin'] },
  bodyLimitBytes: 1024 * 1024,
  body: { kind: 'text', schema: z.string() },
  handle: async (context, { body }, request) =>
    new Response(await startBlastRadiusStreamForAdmin(context, body, request.signal), {
      headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'X-Accel-Buffering': 'no' },
    }),
});
