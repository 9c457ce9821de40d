import { handleDeskRequest, readJsonBody } from '@/server/desk/desk-request';
import { searchDeskUsers } from '@/server/desk/search-desk-users';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  const body = await readJsonBody(request);
  return handleDeskRequest(request, (deps, actor) => searchDeskUsers(deps, actor, body));
}
