import { handleDeskRequest, readJsonBody } from '@/server/desk/desk-request';
import { performDeskAction } from '@/server/desk/perform-desk-action';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const body = await readJsonBody(request);
  return handleDeskRequest(request, (deps, actor) => performDeskAction(deps, actor, { ...(body as object), caseId }));
}
