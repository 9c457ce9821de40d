import 'server-only';
// Importing policies replaces what the simulator and its blast-radius answers rest on, so the admin's MFA
// sign-in must be recent (PRIVILEGED_ACTION_MFA_MAX_AGE_MINUTES, 15; ASVS5 6.8.4), else they sign in again
// with prompt=login. Returns the audit details of the freshness used; the pipeline audits a refusal.
import { freshnessDetails, mfaFreshness } from '../../lib/auth/mfa-freshness';
import { mfaStepUpError } from '../auth/step-up';
import { requireActorRole } from '../auth/require-actor-role';
import type { PortalContext } from '../context/portal-context';

export function assertFreshAdminMfa(
  context: Pick<PortalContext, 'actor' | 'clock' | 'settings'>,
): Record<string, number | boolean> {
  const actor = requireActorRole(context, 'Portal.Admin');
  const maxAgeSeconds = context.settings.PRIVILEGED_ACTION_MFA_MAX_AGE_MINUTES * 60;
  const freshness = mfaFreshness(actor, context.clock.now(), maxAgeSeconds);
  if (!freshness.isFresh) throw mfaStepUpError(freshness);
  return freshnessDetails(freshness);
}
