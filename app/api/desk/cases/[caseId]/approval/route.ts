import { handleDeskRequest } from '@/server/desk/desk-request';
import { approveDeskCase } from '@/server/desk/supervisor-approval';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  return handleDeskRequest(request, (deps, actor) => approveDeskCase(deps, actor, { caseId }));
}
