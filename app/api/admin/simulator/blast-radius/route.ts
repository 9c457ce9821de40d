// POST /api/admin/simulator/blast-radius: the evaluation streamed as NDJSON (application/x-ndjson), one
// BlastRadiusEvent per line. Aborting the request (the page's Cancel) stops the work on the server. The body is
// handed over as text: the server function checks the role before it parses anything.
import { appErrorResponse } from '@/server/http/app-error-response';
import { startBlastRadiusStreamForAdmin } from '@/server/simulator/blast-radius-stream';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  try {
    const stream = await startBlastRadiusStreamForAdmin(await request.text(), request.signal);
    return new Response(stream, {
      headers: {
        'Content-Type': 'application/x-ndjson; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Accel-Buffering': 'no',
      },
    });
  } catch (error) {
    return appErrorResponse(error);
  }
}
