// GET /api/admin/simulator/policy-sets/{setId}/export?kind=policies|namedLocations|authenticationStrengths&v=N
// Graph JSON Entra accepts on create, as a download. Portal.Admin only (checked in the server function).
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { appErrorResponse } from '@/server/http/app-error-response';
import { exportPolicySetForAdmin } from '@/server/simulator/policy-set-admin';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  kind: z.enum(['policies', 'namedLocations', 'authenticationStrengths']).default('policies'),
  v: z.coerce.number().int().positive().optional(),
});

export async function GET(request: Request, { params }: { params: Promise<{ setId: string }> }) {
  try {
    const { setId } = await params;
    const url = new URL(request.url);
    const query = querySchema.parse({
      kind: url.searchParams.get('kind') ?? undefined,
      v: url.searchParams.get('v') ?? undefined,
    });
    const exported = await exportPolicySetForAdmin(setId, query.v, query.kind);
    const fileName = `${exported.name.replace(/[^\w.-]+/g, '-').slice(0, 60)}-v${exported.version}-${query.kind}.json`;
    return new NextResponse(`${JSON.stringify(exported.document, null, 2)}\n`, {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    return appErrorResponse(error);
  }
}
