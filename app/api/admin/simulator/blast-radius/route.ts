// POST /api/admin/simulator/blast-radius: the evaluation streamed as NDJSON (application/x-ndjson), one
// BlastRadiusEvent per line. Aborting the request (the page's Cancel) stops the work on the server.
import { AppError } from '../../../../../lib/app-error';
import { blastRadiusRequestSchema } from '../../../../../lib/simulator/blast-radius-request';
import { appErrorResponse } from '../../../../../server/http/app-error-response';
import { startBlastRadiusStreamForAdmin } from '../../../../../server/simulator/blast-radius-stream';

export const dynamic = 'force-dynamic';

const maxBodyBytes = 1024 * 1024;

export async function POST(request: Request) {
  try {
    const text = await request.text();
    if (text.length > maxBodyBytes) throw new AppError('INVALID_INPUT', 'The request body is larger than 1 MB.');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AppError('INVALID_INPUT', 'The request body is not valid JSON.', { path: '$' });
    }
    const input = blastRadiusRequestSchema.parse(json);
    const stream = await startBlastRadiusStreamForAdmin(input, request.signal);
    return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' } });
  } catch (error) {
    return appErrorResponse(error);
  }
}
