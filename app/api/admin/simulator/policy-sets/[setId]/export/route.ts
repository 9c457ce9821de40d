// GET /api/admin/simulator/policy-sets/{setId}/export?kind=policies|namedLocations|authenticationStrengths&v=N
// Graph JSON Entra accepts on create, as a download. Portal.Admin only.
import { z } from 'zod';
import { defineRoute } from '@/server/http/define-route';
import { exportPolicySetForAdmin } from '@/server/simulator/policy-set-admin';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({
  name: 'admin.simulator.export',
  access: { roles: ['Portal.Admin'] },
  params: z.object({ setId: z.string().min(1).max(64) }),
  query: z.object({
    kind: z.enum(['policies', 'namedLocations', 'authenticationStrengths']).default('policies'),
    v: z.coerce.number().int().positive().optional(),
  }),
  handle: async (context, { params, query }) => {
    const exported = await exportPolicySetForAdmin(context, params.setId, query.v, query.kind);
    const fileName = `${exported.name.replace(/[^\w.-]+/g, '-').slice(0, 60)}-v${exported.version}-${query.kind}.json`;
    return new Response(`${JSON.stringify(exported.document, null, 2)}\n`, {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}"`,
      },
    });
  },
});
