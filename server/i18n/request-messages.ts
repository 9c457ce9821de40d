import 'server-only';
import { cookies, headers } from 'next/headers';
import { catalogues } from '../../lib/i18n/catalogues';
import { pickLocale, type Locale } from '../../lib/i18n/pick-locale';
import { translate } from '../../lib/i18n/translate';

/** The request's locale and a translator bound to its message file. */
export async function requestMessages(): Promise<{
  locale: Locale;
  t: (key: string, values?: Record<string, string | number>) => string;
}> {
  const locale = pickLocale((await cookies()).get('verity-locale')?.value, (await headers()).get('accept-language'));
  const messages = catalogues[locale];
  return { locale, t: (key, values) => translate(messages, key, values, locale) };
}
