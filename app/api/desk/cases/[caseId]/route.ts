import { agentRoles } from '@/server/desk/desk-actor';
import { deskCaseView } from '@/server/desk/desk-case-view';
import { caseIdSchema } from '@/server/desk/start-push-verification';
import { deskArgs } from '@/server/context/desk-view';
import { defineRoute } from '@/server/http/define-route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({
  name: 'desk.case.read',
  access: { roles: agentRoles },
  params: caseIdSchema,
  handle: (context, { params }) => deskCaseView(...deskArgs(context), params.caseId),
});
