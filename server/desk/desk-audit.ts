import 'server-only';
// Every desk search, verification attempt, action and approval goes to the hash-chained audit log
// (ASVS5 16.2-16.3). Details hold identifiers, methods, results and timings only: never a code, a
// Temporary Access Pass, a password or a push number.
import { appendAuditEvent, type AuditEventInput } from '../audit/append-audit-event';
import type { DeskActor } from './desk-actor';
import type { DeskDependencies } from './desk-dependencies';

export async function auditDesk(
  deps: Pick<DeskDependencies, 'db' | 'now'>,
  actor: DeskActor,
  event: {
    action: string;
    outcome: AuditEventInput['outcome'];
    subjectId?: string | null;
    details?: AuditEventInput['details'];
  },
): Promise<void> {
  await appendAuditEvent(deps.db, {
    occurredAt: deps.now(),
    actorType: 'agent',
    actorId: actor.oid,
    subjectId: event.subjectId ?? null,
    action: event.action,
    outcome: event.outcome,
    ip: actor.ip,
    userAgent: actor.userAgent,
    details: { actorName: actor.name, ...event.details },
  });
}
