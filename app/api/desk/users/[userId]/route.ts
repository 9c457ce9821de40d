import { z } from 'zod';
import { agentRoles } from '@/server/desk/desk-actor';
import { loadUserCard } from '@/server/desk/load-user-card';
import { deskArgs } from '@/server/context/desk-view';
import { defineRoute } from '@/server/http/define-route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({
  name: 'desk.user.read',
  access: { roles: agentRoles },
  params: z.object({ userId: z.string().min(1).max(200) }),
  handle: (context, { params }) => loadUserCard(...deskArgs(context), params.userId),
});
