import { agentRoles } from '@/server/desk/desk-actor';
import { searchDeskUsers } from '@/server/desk/search-desk-users';
import { deskArgs } from '@/server/context/desk-view';
import { defineRoute } from '@/server/http/define-route';
import { jsonObject } from '@/server/http/json-object';

export const dynamic = 'force-dynamic';

export const POST = defineRoute({
  name: 'desk.search',
  access: { roles: agentRoles },
  body: { kind: 'json', schema: jsonObject },
  handle: (context, { body }) => searchDeskUsers(...deskArgs(context), body),
});
