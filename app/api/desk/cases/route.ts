import { handleDeskRequest, readJsonBody } from '@/server/desk/desk-request';
import { openDeskCase } from '@/server/desk/open-desk-case';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  const body = await readJsonBody(request);
  return handleDeskRequest(request, (deps, actor) => openDeskCase(deps, actor, body));
}
