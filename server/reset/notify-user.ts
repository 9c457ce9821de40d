import 'server-only';
// The notice after every reset, unlock or sign-out of other sessions (ASVS5 6.3.7), without secrets, to the
// mailbox of record. It is an outbox job (server/jobs/outbox.ts) written in the transaction that records the
// change, keyed by the event, so a process that dies after the change still sends it, once per event.
import { z } from 'zod';
import type { Locale } from '../../lib/i18n/pick-locale';
import { isLocale } from '../../lib/i18n/pick-locale';
import { outboxJob } from '../jobs/outbox';
import type { ResetDependencies } from './reset-dependencies';
import { changeNotice } from './reset-notifications';
import { parseStoredValue } from '../database/stored-json';

export const notifyChangeJob = 'reset.notifyChange';

const notifyPayload = z.object({
  userId: z.string(),
  kind: z.enum(['passwordChanged', 'accountUnlocked', 'otherSessionsRevoked']),
  locale: z.string(),
  when: z.iso.datetime(),
  passwordSync: z.enum(['passThrough', 'passwordHashSync', 'none']).nullable(),
});
export type ChangeNotification = z.infer<typeof notifyPayload>;

/** The job row, for the transaction that records the change; `eventKey` names the event (one e-mail each). */
export function notifyUserJob(notification: ChangeNotification & { eventKey: string }, now: Date) {
  const { eventKey, ...payload } = notification;
  return outboxJob({ name: notifyChangeJob, key: `notify:${eventKey}`, payload, now });
}

export function notifyChangeHandler(deps: Pick<ResetDependencies, 'directory' | 'settings' | 'sendEmail'>) {
  return async (raw: Record<string, unknown>): Promise<void> => {
    const payload = parseStoredValue(notifyPayload, raw, `OutboxJob ${notifyChangeJob}`);
    const user = await deps.directory.getUser(payload.userId);
    // The mailbox of record: the alternate email (the user may not reach their work mailbox), else the UPN.
    const to = user.alternateEmail ?? user.userPrincipalName;
    const locale: Locale = isLocale(payload.locale) ? payload.locale : 'en';
    const message = changeNotice(
      locale,
      payload.kind,
      {
        name: user.displayName,
        when: payload.when.replace('T', ' ').slice(0, 16) + ' UTC',
        origin: deps.settings.appOrigin,
      },
      payload.passwordSync,
    );
    await deps.sendEmail({ to, subject: message.subject, text: message.text });
  };
}
