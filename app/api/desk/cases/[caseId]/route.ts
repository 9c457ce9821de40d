import { handleDeskRequest } from '@/server/desk/desk-request';
import { deskCaseView } from '@/server/desk/desk-case-view';
import { caseIdSchema } from '@/server/desk/start-push-verification';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const raw = await params;
  return handleDeskRequest(request, (deps, actor) => deskCaseView(deps, actor, caseIdSchema.parse(raw).caseId), {
    write: false,
  });
}
