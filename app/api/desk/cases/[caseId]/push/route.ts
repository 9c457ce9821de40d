import { handleDeskRequest } from '@/server/desk/desk-request';
import { startPushVerification } from '@/server/desk/start-push-verification';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  return handleDeskRequest(request, (deps, actor) => startPushVerification(deps, actor, { caseId }));
}
