import { handleDeskRequest } from '@/server/desk/desk-request';
import { sendEntraSignInLink } from '@/server/desk/entra-link-verification';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  return handleDeskRequest(request, (deps, actor) => sendEntraSignInLink(deps, actor, { caseId }));
}
