import { handleDeskRequest } from '@/server/desk/desk-request';
import { listApprovalQueue } from '@/server/desk/supervisor-approval';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return handleDeskRequest(request, (deps, actor) => listApprovalQueue(deps, actor), { write: false });
}
