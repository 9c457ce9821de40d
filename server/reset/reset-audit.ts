import 'server-only';
// Audit entries for the reset portal: who (subject), what, which services, result, IP and user agent.
// Never a password, code, token or the phone number/email a code went to (ASVS5 16.2; issue 4 item 7).
import { z } from 'zod';
import { appendAuditEvent } from '../audit/append-audit-event';
import { outboxJob } from '../jobs/outbox';
import { identityServiceIds, type IdentityServiceId, type ResetPurpose } from '../../lib/reset/identity-services';
import type { RequestOrigin, ResetDependencies } from './reset-dependencies';
import { parseStoredValue } from '../database/stored-json';

const resetAuditActions = [
  'reset.started',
  'reset.codeSent',
  'reset.verification',
  'reset.passwordChanged',
  'reset.passwordRejected',
  'unlock.completed',
  'unlock.rejected',
  'reset.otherSessionsRevoked',
] as const;
export type ResetAuditAction = (typeof resetAuditActions)[number];

export type ResetAuditEntry = {
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
  /** When it happened, for an entry written later by the outbox; else now. */
  occurredAt?: Date;
};

export async function auditReset(deps: Pick<ResetDependencies, 'db' | 'now'>, entry: ResetAuditEntry): Promise<void> {
  await appendAuditEvent(deps.db, {
    occurredAt: entry.occurredAt ?? deps.now(),
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

export const auditResetJob = 'reset.audit';

/**
 * An audit entry as an outbox job, for the transaction that records the change (server/jobs/outbox.ts): the
 * chain's append runs in its own transaction, so a process that dies between the change and the append
 * would otherwise lose the entry. The writer runs it at once; the sweep after a crash. One per `key`.
 */
export function auditResetOutboxJob(entry: ResetAuditEntry, key: string, now: Date) {
  const payload = {
    ...entry,
    services: entry.services ? [...entry.services] : undefined,
    occurredAt: now.toISOString(),
  };
  return outboxJob({ name: auditResetJob, key: `audit:${key}`, payload, now });
}

const auditPayload = z.object({
  action: z.enum(resetAuditActions),
  outcome: z.enum(['success', 'failure', 'denied', 'info']),
  subjectId: z.string().nullable(),
  purpose: z.enum(['reset', 'unlock']),
  sessionId: z.string(),
  services: z.array(z.enum(identityServiceIds)).optional(),
  service: z.enum(identityServiceIds).optional(),
  reason: z.string().optional(),
  origin: z.object({ ip: z.string().nullable(), userAgent: z.string().nullable() }),
  occurredAt: z.iso.datetime(),
});

export function auditResetHandler(deps: Pick<ResetDependencies, 'db' | 'now'>) {
  return async (raw: Record<string, unknown>): Promise<void> => {
    const payload = parseStoredValue(auditPayload, raw, `OutboxJob ${auditResetJob}`);
    await auditReset(deps, { ...payload, occurredAt: new Date(payload.occurredAt) });
  };
}
