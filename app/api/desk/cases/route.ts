import { agentRoles } from '@/server/desk/desk-actor';
import { openDeskCase } from '@/server/desk/open-desk-case';
import { deskArgs } from '@/server/context/desk-view';
import { defineRoute } from '@/server/http/define-route';
import { jsonObject } from '@/server/http/json-object';

export const dynamic = 'force-dynamic';

export const POST = defineRoute({
  name: 'desk.case.open',
  access: { roles: agentRoles },
  body: { kind: 'json', schema: jsonObject },
  handle: (context, { body }) => openDeskCase(...deskArgs(context), body),
});
