import 'server-only';
// /admin/readiness's per-user action: an administrator asks a user who cannot reset with Microsoft Entra MFA to
// register a passwordless method. The e-mail is an outbox job (server/jobs/outbox.ts) keyed by the user and the
// UTC day, so a double click or a second admin queues it once a day; the request is audited before the answer,
// the delivery by the job. The message names the user, the admin and the portal; never a code or a secret.
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import { translate } from '../../lib/i18n/translate';
import en from '../../messages/en/account.json';
import { appendAuditEvent } from '../audit/append-audit-event';
import { requireActorRole } from '../auth/require-actor-role';
import type { PortalContext, PortalServices } from '../context/portal-context';
import { userNotificationAddresses } from '../desk/notify-desk-action';
import { outboxJob, runCommittedJob, writeOutboxJobs, type OutboxHandlers } from '../jobs/outbox';
import { parseStoredValue } from '../database/stored-json';

export const registrationReminderJob = 'account.registrationReminder';

const reminderPayload = z.object({
  userId: z.string(),
  adminId: z.string(),
  adminName: z.string(),
  at: z.iso.datetime(),
});
type ReminderDependencies = Pick<PortalServices, 'db' | 'directory' | 'messenger' | 'settings' | 'clock'>;

export type ReminderOutcome = 'queued' | 'alreadyQueued';

/** Queues the reminder (once per user and UTC day) and audits the request. Portal.Admin only. */
export async function sendRegistrationReminder(
  context: Pick<
    PortalContext,
    'actor' | 'client' | 'translator' | 'db' | 'directory' | 'messenger' | 'settings' | 'clock' | 'jobs'
  >,
  userId: string,
): Promise<ReminderOutcome> {
  const admin = requireActorRole(context, 'Portal.Admin');
  const now = context.clock.now();
  // The user must exist (and the admin sees a clear refusal otherwise), before anything is written.
  const user = await context.directory.desk.getUser(userId).catch(() => null);
  if (!user)
    throw new AppError('NOT_FOUND', context.translator.t('account.admin.remindNotFound'), { reason: 'notFound' });
  const key = `notify:reminder:${user.id}:${now.toISOString().slice(0, 10)}`;
  const payload = { userId: user.id, adminId: admin.oid, adminName: admin.name, at: now.toISOString() };
  const job = outboxJob({ name: registrationReminderJob, key, payload, now });
  // The key is the user and the day: a second reminder the same day writes nothing.
  const created = (await writeOutboxJobs(context, [job])).length === 1;
  await appendAuditEvent(context.db, {
    occurredAt: now,
    actorType: 'admin',
    actorId: admin.oid,
    subjectId: user.id,
    action: 'admin.registrationReminder',
    outcome: created ? 'success' : 'info',
    ip: context.client.ip,
    userAgent: context.client.userAgent,
    details: { result: created ? 'queued' : 'alreadyQueued' },
  });
  if (!created) return 'alreadyQueued';
  const handlers = registrationReminderHandlers(context);
  const runner = { db: context.db, now: () => context.clock.now() };
  context.jobs.enqueue(registrationReminderJob, () => runCommittedJob(runner, job, handlers));
  return 'queued';
}

export function registrationReminderHandlers(deps: ReminderDependencies): OutboxHandlers {
  return {
    [registrationReminderJob]: async (raw) => {
      const reminder = parseStoredValue(reminderPayload, raw, `OutboxJob ${registrationReminderJob}`);
      const user = await deps.directory.desk.getUser(reminder.userId);
      const values = {
        name: user.displayName || user.userPrincipalName,
        admin: reminder.adminName,
        link: `${deps.settings.APP_ORIGIN}/account`,
      };
      const addresses = userNotificationAddresses(user);
      for (const to of addresses.length > 0 ? addresses : [user.userPrincipalName])
        await deps.messenger.sendEmail({
          to,
          subject: translate(en, 'notify.reminderSubject'),
          text: translate(en, 'notify.reminderText', values),
        });
    },
  };
}
