import { agentRoles } from '@/server/desk/desk-actor';
import { openDeskCaseEventStream } from '@/server/desk/desk-case-events';
import { caseIdSchema } from '@/server/desk/start-push-verification';
import { deskArgs } from '@/server/context/desk-view';
import { defineRoute } from '@/server/http/define-route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({
  name: 'desk.case.events',
  access: { roles: agentRoles },
  params: caseIdSchema,
  handle: async (context, { params }, request) =>
    new Response(await openDeskCaseEventStream(...deskArgs(context), params.caseId, request.signal), {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      },
    }),
});
