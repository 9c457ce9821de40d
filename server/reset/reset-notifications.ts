import 'server-only';
// Texts of the codes and notifications sent to users, from the reset message files (English, French).
// Notifications after a reset, an unlock or a factor change say what happened and never carry a secret
// (ASVS5 6.3.7).
import en from '../../messages/en/reset.json';
import fr from '../../messages/fr/reset.json';
import type { Locale } from '../../lib/i18n/pick-locale';
import { translate, type Messages } from '../../lib/i18n/translate';

const catalogues: Record<Locale, Messages> = { en, fr };
const t = (locale: Locale, key: string, values?: Record<string, string | number>) =>
  translate(catalogues[locale], key, values);

export function codeMessage(locale: Locale, code: string, minutes: number): { subject: string; text: string } {
  return { subject: t(locale, 'notify.codeSubject'), text: t(locale, 'notify.codeText', { code, minutes }) };
}

export function changeNotice(
  locale: Locale,
  kind: 'passwordChanged' | 'accountUnlocked' | 'otherSessionsRevoked',
  values: { name: string; when: string; origin: string },
  /** For a password written to AD: when each sign-in takes it (AD_PASSWORD_SYNC). */
  passwordSync?: PasswordSync | null,
): { subject: string; text: string } {
  const text = t(locale, `notify.${kind}Text`, values);
  const sync = passwordSync && kind === 'passwordChanged' ? `\n\n${t(locale, `notify.sync.${passwordSync}`)}` : '';
  return { subject: t(locale, `notify.${kind}Subject`), text: text + sync };
}

export type PasswordSync = 'passThrough' | 'passwordHashSync' | 'none';
