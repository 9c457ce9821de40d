import { supervisorRoles } from '@/server/desk/desk-actor';
import { listApprovalQueue } from '@/server/desk/supervisor-approval';
import { deskArgs } from '@/server/context/desk-view';
import { defineRoute } from '@/server/http/define-route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({
  name: 'desk.approval.queue',
  access: { roles: supervisorRoles },
  handle: (context) => listApprovalQueue(...deskArgs(context)),
});
