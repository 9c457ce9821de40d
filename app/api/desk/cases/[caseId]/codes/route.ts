import { sendVerificationCode } from '@/server/desk/code-verification';
import { handleDeskRequest, readJsonBody } from '@/server/desk/desk-request';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const body = await readJsonBody(request);
  return handleDeskRequest(request, (deps, actor) =>
    sendVerificationCode(deps, actor, { ...(body as object), caseId }),
  );
}
