import { deskActorFrom, deskErrorResponse } from '@/server/desk/desk-request';
import { productionDeskDependencies } from '@/server/desk/production-desk-dependencies';
import { exportDeskAuditCsv } from '@/server/desk/query-desk-audit';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  try {
    const actor = await deskActorFrom(request);
    const filter = Object.fromEntries(new URL(request.url).searchParams);
    const csv = await exportDeskAuditCsv(productionDeskDependencies(), actor, filter);
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="verity-desk-audit.csv"',
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    return deskErrorResponse(error);
  }
}
