import 'server-only';
// MFA freshness before the desk's most sensitive steps (issue 11, finding 9; ASVS5 6.8.4): issuing a Temporary
// Access Pass, unlocking, and a supervisor approving a privileged case need the staff member's own MFA sign-in
// within PRIVILEGED_ACTION_MFA_MAX_AGE_MINUTES (15), else they sign in again with prompt=login. The freshness
// used is audited either way.
import { freshnessDetails, mfaFreshness, type MfaFreshness } from '../../lib/auth/mfa-freshness';
import type { DeskAction } from '../../lib/desk/desk-policy';
import { mfaStepUpError } from '../auth/step-up';
import type { DeskActor } from './desk-actor';
import { auditDesk } from './desk-audit';
import type { DeskDependencies } from './desk-dependencies';

/** Desk actions that need a fresh MFA sign-in of the agent (the others keep the session's MFA). */
export const stepUpDeskActions: readonly DeskAction[] = ['unlock', 'issueTemporaryAccessPass'];

export async function assertFreshDeskMfa(
  deps: DeskDependencies,
  actor: DeskActor,
  audit: { action: string; subjectId: string; caseId: string },
): Promise<MfaFreshness> {
  const freshness = mfaFreshness(actor, deps.now(), deps.settings.mfaMaxAgeSeconds);
  if (!freshness.isFresh) {
    await auditDesk(deps, actor, {
      action: audit.action,
      outcome: 'denied',
      subjectId: audit.subjectId,
      details: { caseId: audit.caseId, refusal: 'mfaStepUpRequired', ...freshnessDetails(freshness) },
    });
    throw mfaStepUpError(freshness);
  }
  return freshness;
}
