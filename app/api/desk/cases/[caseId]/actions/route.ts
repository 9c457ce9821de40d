import { agentRoles } from '@/server/desk/desk-actor';
import { performDeskAction } from '@/server/desk/perform-desk-action';
import { caseIdSchema } from '@/server/desk/start-push-verification';
import { deskArgs } from '@/server/context/desk-view';
import { defineRoute } from '@/server/http/define-route';
import { jsonObject } from '@/server/http/json-object';

export const dynamic = 'force-dynamic';

export const POST = defineRoute({
  name: 'desk.case.action',
  access: { roles: agentRoles },
  params: caseIdSchema,
  body: { kind: 'json', schema: jsonObject },
  handle: (context, { params, body }) => performDeskAction(...deskArgs(context), { ...body, caseId: params.caseId }),
});
