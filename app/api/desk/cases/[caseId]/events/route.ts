import { deskCaseEventStream } from '@/server/desk/desk-case-events';
import { deskActorFrom, deskErrorResponse } from '@/server/desk/desk-request';
import { productionDeskDependencies } from '@/server/desk/production-desk-dependencies';
import { caseIdSchema } from '@/server/desk/start-push-verification';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  try {
    const { caseId } = caseIdSchema.parse(await params);
    const actor = await deskActorFrom(request);
    const stream = deskCaseEventStream(productionDeskDependencies(), actor, caseId, request.signal);
    return new Response(stream, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      },
    });
  } catch (error) {
    return deskErrorResponse(error);
  }
}
