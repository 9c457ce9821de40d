import 'server-only';
import { cookies, headers } from 'next/headers';
import en from '../../messages/en.json';
import fr from '../../messages/fr.json';
import { pickLocale, type Locale } from '../../lib/i18n/pick-locale';
import { translate, type Messages } from '../../lib/i18n/translate';

const catalogues: Record<Locale, Messages> = { en, fr };

/** The request's locale and a translator bound to its message file. */
export async function requestMessages(): Promise<{ locale: Locale; t: (key: string, values?: Record<string, string | number>) => string }> {
  const locale = pickLocale((await cookies()).get('verity-locale')?.value, (await headers()).get('accept-language'));
  const messages = catalogues[locale];
  return { locale, t: (key, values) => translate(messages, key, values) };
}
