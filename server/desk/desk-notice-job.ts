import 'server-only';
// Desk notices (the user told of a desk action, supervisors alerted of a denied push) as outbox jobs
// (server/jobs/outbox.ts): written as soon as the change they report is made, sent at once by the writer,
// and by any instance's sweep if the writer died first, then audited. Keyed by the event: one notice each.
// The messages hold names, addresses and times, never a code or a Temporary Access Pass.
import { z } from 'zod';
import { outboxJob, type OutboxHandlers } from '../jobs/outbox';
import type { DeskActor } from './desk-actor';
import { auditDesk } from './desk-audit';
import type { DeskDependencies } from './desk-dependencies';
import { parseStoredValue } from '../database/stored-json';

export const deskNoticeJob = 'desk.sendNotice';

const auditDetail = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
const deskNoticePayload = z.object({
  emails: z.array(z.object({ to: z.string(), subject: z.string(), text: z.string() })),
  audit: z.object({
    action: z.string(),
    subjectId: z.string().nullable(),
    details: z.record(z.string(), auditDetail),
  }),
  actor: z.object({ oid: z.string(), name: z.string(), ip: z.string().nullable(), userAgent: z.string().nullable() }),
});
export type DeskNotice = z.infer<typeof deskNoticePayload>;

export function deskNoticeOutboxJob(notice: DeskNotice, eventKey: string, now: Date) {
  return outboxJob({ name: deskNoticeJob, key: `notify:desk:${eventKey}`, payload: notice, now });
}

export function deskOutboxHandlers(deps: Pick<DeskDependencies, 'db' | 'now' | 'messenger'>): OutboxHandlers {
  return {
    [deskNoticeJob]: async (raw) => {
      const notice = parseStoredValue(deskNoticePayload, raw, `OutboxJob ${deskNoticeJob}`);
      for (const email of notice.emails) await deps.messenger.sendEmail(email);
      // The agent's roles were checked when the action ran; the audit entry names the agent only.
      const actor: DeskActor = { ...notice.actor, roles: [] };
      await auditDesk(deps, actor, { ...notice.audit, outcome: 'info' });
    },
  };
}
