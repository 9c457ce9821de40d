import 'server-only';
// /admin: the administrator's landing page (Portal.Admin only, checked here): readiness counts, the
// simulator's policy sets and whether the audit log is open to this admin too.
import { isAppError } from '../../lib/app-error';
import { requireRole } from '../auth/require-role';
import { auditorRoles } from '../desk/desk-actor';
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
  const [report, sets] = await Promise.all([resetReadinessReport(), listPolicySetsForAdmin()]);
  return {
    access: 'granted',
    readiness: report.counts,
    sets,
    canReadAudit: auditorRoles.some((role) => roles.includes(role)),
  };
}
