import { handleDeskRequest } from '@/server/desk/desk-request';
import { requestSupervisorApproval } from '@/server/desk/supervisor-approval';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  return handleDeskRequest(request, (deps, actor) => requestSupervisorApproval(deps, actor, { caseId }));
}
