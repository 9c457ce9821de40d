import 'server-only';
// How every verification service (codes by SMS, voice or e-mail, the authenticator app, a passkey) ends an attempt:
// a failure counts against the session and is audited with its reason; a success counts the service for the
// session and is audited. One place, so the services cannot drift in what they record (ASVS5 16.2-16.3).
import type { IdentityServiceId } from '../../lib/reset/identity-services';
import { auditReset } from './reset-audit';
import type { RequestOrigin, ResetDependencies } from './reset-dependencies';
import { resetSessionReference } from './reset-secrets';
import { recordServiceVerified, recordSessionFailure, type LoadedResetSession } from './reset-session-store';

type Attempt = { session: LoadedResetSession; service: IdentityServiceId; origin: RequestOrigin };

export async function recordVerificationFailure(
  deps: ResetDependencies,
  { session, service, origin }: Attempt,
  reason: string,
): Promise<void> {
  await recordSessionFailure(deps, session.row.id);
  await auditReset(deps, {
    action: 'reset.verification',
    outcome: 'failure',
    subjectId: session.row.userId,
    purpose: session.purpose,
    sessionId: resetSessionReference(session.row),
    service,
    reason,
    origin,
  });
}

export async function recordVerificationSuccess(
  deps: ResetDependencies,
  { session, service, origin }: Attempt,
): Promise<LoadedResetSession> {
  const updated = await recordServiceVerified(deps, session.row.id, service);
  await auditReset(deps, {
    action: 'reset.verification',
    outcome: 'success',
    subjectId: session.row.userId,
    purpose: session.purpose,
    sessionId: resetSessionReference(session.row),
    service,
    origin,
  });
  return updated;
}
