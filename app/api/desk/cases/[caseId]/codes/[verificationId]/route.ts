import { z } from 'zod';
import { checkVerificationCode } from '@/server/desk/code-verification';
import { agentRoles } from '@/server/desk/desk-actor';
import { deskArgs } from '@/server/context/desk-view';
import { defineRoute } from '@/server/http/define-route';
import { jsonObject } from '@/server/http/json-object';

export const dynamic = 'force-dynamic';

export const POST = defineRoute({
  name: 'desk.verification.codeCheck',
  access: { roles: agentRoles },
  params: z.object({ caseId: z.string().min(1).max(64), verificationId: z.string().min(1).max(64) }),
  body: { kind: 'json', schema: jsonObject },
  handle: (context, { params, body }) => checkVerificationCode(...deskArgs(context), { ...body, ...params }),
});
