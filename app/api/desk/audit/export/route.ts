import { auditorRoles } from '@/server/desk/desk-actor';
import { exportDeskAuditCsv } from '@/server/desk/query-desk-audit';
import { deskArgs } from '@/server/context/desk-view';
import { defineRoute } from '@/server/http/define-route';
import { jsonObject } from '@/server/http/json-object';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({
  name: 'desk.audit.export',
  access: { roles: auditorRoles },
  query: jsonObject,
  handle: async (context, { query }) =>
    new Response(await exportDeskAuditCsv(...deskArgs(context), query), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="verity-desk-audit.csv"',
      },
    }),
});
