import { z } from 'zod';
import { handleDeskRequest } from '@/server/desk/desk-request';
import { loadUserCard } from '@/server/desk/load-user-card';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ userId: z.string().min(1).max(200) });

export async function GET(request: Request, { params }: { params: Promise<{ userId: string }> }) {
  const raw = await params;
  return handleDeskRequest(request, (deps, actor) => loadUserCard(deps, actor, paramsSchema.parse(raw).userId), {
    write: false,
  });
}
