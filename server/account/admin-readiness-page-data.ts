import 'server-only';
// /admin/readiness: Portal.Admin only (checked here, in the server layer, not only by hiding the link).
import { isAppError } from '../../lib/app-error';
import { requireRole } from '../auth/require-role';
import { resetReadinessReport, type ReadinessReport } from './reset-readiness-report';

export async function adminReadinessPageData(): Promise<
  { access: 'signIn' | 'forbidden' } | { access: 'granted'; report: ReadinessReport }
> {
  try {
    await requireRole('Portal.Admin');
  } catch (error) {
    if (isAppError(error) && error.code === 'UNAUTHORIZED') return { access: 'signIn' };
    if (isAppError(error) && error.code === 'FORBIDDEN') return { access: 'forbidden' };
    throw error;
  }
  return { access: 'granted', report: await resetReadinessReport() };
}
