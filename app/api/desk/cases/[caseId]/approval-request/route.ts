import { agentRoles } from '@/server/desk/desk-actor';
import { caseIdSchema } from '@/server/desk/start-push-verification';
import { requestSupervisorApproval } from '@/server/desk/supervisor-approval';
import { deskArgs } from '@/server/context/desk-view';
import { defineRoute } from '@/server/http/define-route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute({
  name: 'desk.approval.request',
  access: { roles: agentRoles },
  params: caseIdSchema,
  handle: (context, { params }) => requestSupervisorApproval(...deskArgs(context), params),
});
