import { agentRoles } from '@/server/desk/desk-actor';
import { sendEntraSignInLink } from '@/server/desk/entra-link-verification';
import { caseIdSchema } from '@/server/desk/start-push-verification';
import { deskArgs } from '@/server/context/desk-view';
import { defineRoute } from '@/server/http/define-route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute({
  name: 'desk.verification.link',
  access: { roles: agentRoles },
  params: caseIdSchema,
  handle: (context, { params }) => sendEntraSignInLink(...deskArgs(context), params),
});
