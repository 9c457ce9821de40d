import 'server-only';
// The request's language (cookie, then Accept-Language) and a translator bound to its message file.
import { catalogues } from '@/lib/i18n/catalogues';
import { pickLocale } from '@/lib/i18n/pick-locale';
import { translate } from '@/lib/i18n/translate';
import type { Translator } from '../context/portal-context';
import { headerCookie } from './request-cookie';

export function translatorFor(headers: Headers): Translator {
  const locale = pickLocale(headerCookie(headers, 'verity-locale'), headers.get('accept-language'));
  const messages = catalogues[locale];
  return { locale, t: (key, values) => translate(messages, key, values, locale) };
}
