import { supervisorRoles } from '@/server/desk/desk-actor';
import { caseIdSchema } from '@/server/desk/start-push-verification';
import { approveDeskCase } from '@/server/desk/supervisor-approval';
import { deskArgs } from '@/server/context/desk-view';
import { defineRoute } from '@/server/http/define-route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute({
  name: 'desk.approval.approve',
  access: { roles: supervisorRoles },
  params: caseIdSchema,
  handle: (context, { params }) => approveDeskCase(...deskArgs(context), params),
});
