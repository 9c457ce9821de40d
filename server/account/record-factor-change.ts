import 'server-only';
// Every change to a user's verification factors on /account (passkey or authenticator app added or
// removed) is audited and notified at every address of record: each email of record and, by SMS, the
// mobile number of record, so a user whose mailbox was taken over still hears of it (ASVS5 6.3.7).
// The message names the kind of factor and when; never a secret, a code or a credential id.
import { translate } from '../../lib/i18n/translate';
import en from '../../messages/en/account.json';
import { appendAuditEvent } from '../audit/append-audit-event';
import type { ClientAddress, PortalServices } from '../context/portal-context';
import { userNotificationAddresses } from '../desk/notify-desk-action';

export type FactorKind = 'passkey' | 'totp';
export type FactorChangeDependencies = Pick<PortalServices, 'db' | 'directory' | 'messenger' | 'jobs' | 'settings'>;

export type FactorChange = {
  oid: string;
  factor: FactorKind;
  change: 'added' | 'removed';
  origin: ClientAddress;
  at: Date;
};

const auditActions: Record<FactorChange['change'], (factor: FactorKind) => string> = {
  added: (factor) => `account.${factor}Enrolled`,
  removed: () => 'account.credentialRemoved',
};

export async function recordFactorChange(deps: FactorChangeDependencies, change: FactorChange): Promise<void> {
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
  deps.jobs.enqueue('account.notifyFactorChange', () => notifyFactorChange(deps, change));
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
