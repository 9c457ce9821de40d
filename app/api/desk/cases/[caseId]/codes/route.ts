import { sendVerificationCode } from '@/server/desk/code-verification';
import { agentRoles } from '@/server/desk/desk-actor';
import { caseIdSchema } from '@/server/desk/start-push-verification';
import { deskArgs } from '@/server/context/desk-view';
import { defineRoute } from '@/server/http/define-route';
import { jsonObject } from '@/server/http/json-object';

export const dynamic = 'force-dynamic';

export const POST = defineRoute({
  name: 'desk.verification.codeSend',
  access: { roles: agentRoles },
  params: caseIdSchema,
  body: { kind: 'json', schema: jsonObject },
  handle: (context, { params, body }) => sendVerificationCode(...deskArgs(context), { ...body, caseId: params.caseId }),
});
