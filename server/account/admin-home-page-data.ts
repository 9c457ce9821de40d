import 'server-only';
// /admin: the administrator's landing page (Portal.Admin only, checked here): readiness counts, the
// simulator's policy sets, whether the audit log is open to this admin too, and the outbox's job counts.
import { isAppError } from '../../lib/app-error';
import { requireRole } from '../auth/require-role';
import { productionServices } from '../context/production-services';
import { auditorRoles } from '../desk/desk-actor';
import { outboxCounts } from '../jobs/outbox';
import { listPolicySetsForAdmin } from '../simulator/policy-set-admin';
import { resetReadinessReport, type ReadinessReport } from './reset-readiness-report';

export type AdminHomeData =
  | { access: 'signIn' }
  | { access: 'forbidden' }
  | {
      access: 'granted';
      readiness: ReadinessReport['counts'];
      sets: Awaited<ReturnType<typeof listPolicySetsForAdmin>>;
      canReadAudit: boolean;
      /** Outbox jobs not yet done and given up (server/jobs/outbox.ts), as /api/health shows them. */
      jobs: { pending: number; failed: number };
    };

export async function adminHomePageData(): Promise<AdminHomeData> {
  let roles: readonly string[];
  try {
    roles = (await requireRole('Portal.Admin')).roles;
  } catch (error) {
    if (isAppError(error) && error.code === 'UNAUTHORIZED') return { access: 'signIn' };
    if (isAppError(error) && error.code === 'FORBIDDEN') return { access: 'forbidden' };
    throw error;
  }
  const [report, sets, jobs] = await Promise.all([
    resetReadinessReport(),
    listPolicySetsForAdmin(),
    outboxCounts(productionServices().db),
  ]);
  return {
    access: 'granted',
    readiness: report.counts,
    sets,
    canReadAudit: auditorRoles.some((role) => roles.includes(role)),
    jobs,
  };
}
