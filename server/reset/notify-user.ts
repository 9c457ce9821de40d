import 'server-only';
// The notice after every reset, unlock or sign-out of other sessions (ASVS5 6.3.7), without secrets, sent
// off the request path to the mailbox of record.
import type { Locale } from '../../lib/i18n/pick-locale';
import type { ResetDependencies } from './reset-dependencies';
import { changeNotice, type PasswordSync } from './reset-notifications';

export function notifyUser(
  deps: ResetDependencies,
  user: { displayName: string; userPrincipalName: string; alternateEmail: string | null },
  kind: 'passwordChanged' | 'accountUnlocked' | 'otherSessionsRevoked',
  locale: Locale,
  when: Date,
  passwordSync?: PasswordSync | null,
): void {
  deps.inBackground(async () => {
    // The mailbox of record: the alternate email (the user may not reach their work mailbox), else the UPN.
    const to = user.alternateEmail ?? user.userPrincipalName;
    const message = changeNotice(
      locale,
      kind,
      {
        name: user.displayName,
        when: when.toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
        origin: deps.settings.appOrigin,
      },
      passwordSync,
    );
    await deps.sendEmail({ to, subject: message.subject, text: message.text });
  });
}
