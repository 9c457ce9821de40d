import { agentRoles } from '@/server/desk/desk-actor';
import { caseIdSchema, startPushVerification } from '@/server/desk/start-push-verification';
import { deskArgs } from '@/server/context/desk-view';
import { defineRoute } from '@/server/http/define-route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute({
  name: 'desk.verification.push',
  access: { roles: agentRoles },
  params: caseIdSchema,
  handle: (context, { params }) => startPushVerification(...deskArgs(context), params),
});
