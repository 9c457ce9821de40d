import 'server-only';
// Audit entries for the reset portal: who (subject), what, which services, result, IP and user agent.
// Never a password, code, token or the phone number/email a code went to (ASVS5 16.2; issue 4 item 7).
import { appendAuditEvent } from '../audit/append-audit-event';
import type { IdentityServiceId, ResetPurpose } from '../../lib/reset/identity-services';
import type { RequestOrigin, ResetDependencies } from './reset-dependencies';

export type ResetAuditAction =
  | 'reset.started'
  | 'reset.codeSent'
  | 'reset.verification'
  | 'reset.passwordChanged'
  | 'reset.passwordRejected'
  | 'unlock.completed'
  | 'unlock.rejected'
  | 'reset.otherSessionsRevoked';

export async function auditReset(
  deps: Pick<ResetDependencies, 'db' | 'now'>,
  entry: {
    action: ResetAuditAction;
    outcome: 'success' | 'failure' | 'denied' | 'info';
    subjectId: string | null;
    purpose: ResetPurpose;
    /** resetSessionReference(row): stable across token renewals, unlike the row id. */
    sessionId: string;
    services?: readonly IdentityServiceId[];
    service?: IdentityServiceId;
    reason?: string;
    origin: RequestOrigin;
  },
): Promise<void> {
  await appendAuditEvent(deps.db, {
    occurredAt: deps.now(),
    actorType: 'user',
    actorId: entry.subjectId,
    subjectId: entry.subjectId,
    action: entry.action,
    outcome: entry.outcome,
    ip: entry.origin.ip,
    userAgent: entry.origin.userAgent?.slice(0, 400) ?? null,
    details: {
      purpose: entry.purpose,
      // A reference to correlate entries of one attempt; not the bearer token.
      session: entry.sessionId.slice(0, 12),
      ...(entry.services ? { services: [...entry.services] } : {}),
      ...(entry.service ? { service: entry.service } : {}),
      ...(entry.reason ? { reason: entry.reason } : {}),
    },
  });
}
