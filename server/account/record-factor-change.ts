import 'server-only';
// Every change to a user's verification factors on /account (passkey or authenticator app added or
// removed) is audited and notified at every address of record: each email of record and, by SMS, the
// mobile number of record, so a user whose mailbox was taken over still hears of it (ASVS5 6.3.7).
// The message names the kind of factor and when; never a secret, a code or a credential id.
// The audit entry and the notice are outbox jobs (server/jobs/outbox.ts) written in the transaction that
// changes the credential, keyed by the credential and the change: a process that dies after the commit still
// records and notifies it, once.
import { z } from 'zod';
import { translate } from '../../lib/i18n/translate';
import en from '../../messages/en/account.json';
import type { Prisma } from '../../generated/prisma/sqlite/client';
import { appendAuditEvent } from '../audit/append-audit-event';
import type { ClientAddress, PortalServices } from '../context/portal-context';
import { userNotificationAddresses } from '../desk/notify-desk-action';
import { outboxJob, runCommittedJob, writeOutboxJobs, type OutboxHandlers } from '../jobs/outbox';
import { parseStoredValue } from '../database/stored-json';

export type FactorKind = 'passkey' | 'totp';
export type FactorChangeDependencies = Pick<
  PortalServices,
  'db' | 'directory' | 'messenger' | 'jobs' | 'settings' | 'clock'
>;

export type FactorChange = {
  oid: string;
  factor: FactorKind;
  change: 'added' | 'removed';
  origin: ClientAddress;
  at: Date;
  /** The credential added or removed: with `change`, the event's key (one entry, one notice). */
  credentialId: string;
};

const auditActions: Record<FactorChange['change'], (factor: FactorKind) => string> = {
  added: (factor) => `account.${factor}Enrolled`,
  removed: () => 'account.credentialRemoved',
};

export const auditFactorChangeJob = 'account.auditFactorChange';
export const notifyFactorChangeJob = 'account.notifyFactorChange';

const factorChangePayload = z.object({
  oid: z.string(),
  factor: z.enum(['passkey', 'totp']),
  change: z.enum(['added', 'removed']),
  origin: z.object({ ip: z.string().nullable(), userAgent: z.string().nullable() }),
  at: z.iso.datetime(),
  credentialId: z.string(),
});
const parseChange = (raw: Record<string, unknown>): FactorChange => {
  const payload = parseStoredValue(factorChangePayload, raw, 'OutboxJob factor change');
  return { ...payload, at: new Date(payload.at) };
};

/**
 * Writes the credential change (`write`, inside the transaction) with its audit and notification jobs, then
 * runs the audit entry before the answer and the notice off the request path.
 */
export async function recordFactorChange<T>(
  deps: FactorChangeDependencies,
  change: FactorChange,
  write: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  const payload = { ...change, at: change.at.toISOString() };
  const eventKey = `${change.credentialId}:${change.change}`;
  const now = change.at;
  const audit = outboxJob({ name: auditFactorChangeJob, key: `audit:factor:${eventKey}`, payload, now });
  const notice = outboxJob({ name: notifyFactorChangeJob, key: `notify:factor:${eventKey}`, payload, now });
  const result = await deps.db.$transaction(async (tx) => {
    const written = await write(tx);
    await writeOutboxJobs(deps, [audit, notice], tx);
    return written;
  });
  const handlers = factorChangeOutboxHandlers(deps);
  const runner = { db: deps.db, now: () => deps.clock.now() };
  await runCommittedJob(runner, audit, handlers);
  deps.jobs.enqueue(notifyFactorChangeJob, () => runCommittedJob(runner, notice, handlers));
  return result;
}

export function factorChangeOutboxHandlers(deps: FactorChangeDependencies): OutboxHandlers {
  return {
    [auditFactorChangeJob]: (raw) => auditFactorChange(deps, parseChange(raw)),
    [notifyFactorChangeJob]: (raw) => notifyFactorChange(deps, parseChange(raw)),
  };
}

async function auditFactorChange(deps: FactorChangeDependencies, change: FactorChange): Promise<void> {
  await appendAuditEvent(deps.db, {
    occurredAt: change.at,
    actorType: 'user',
    actorId: change.oid,
    subjectId: change.oid,
    action: auditActions[change.change](change.factor),
    outcome: 'success',
    ip: change.origin.ip,
    userAgent: change.origin.userAgent,
    details: { kind: change.factor },
  });
}

async function notifyFactorChange(deps: FactorChangeDependencies, change: FactorChange): Promise<void> {
  const user = await deps.directory.desk.getUser(change.oid);
  const values = {
    name: user.displayName || user.userPrincipalName,
    method: translate(en, `notify.methods.${change.factor}`),
    when: `${change.at.toISOString().replace('T', ' ').slice(0, 16)} UTC`,
    origin: deps.settings.APP_ORIGIN,
  };
  const addresses = userNotificationAddresses(user);
  for (const to of addresses.length > 0 ? addresses : [user.userPrincipalName])
    await deps.messenger.sendEmail({
      to,
      subject: translate(en, `notify.${change.change}Subject`),
      text: translate(en, `notify.${change.change}Text`, values),
    });
  if (user.mobilePhone)
    await deps.messenger.sendSms({ to: user.mobilePhone, body: translate(en, `notify.${change.change}Sms`, values) });
}
