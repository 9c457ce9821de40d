// Chooses the user's language: an explicit choice (cookie) wins, then the browser's Accept-Language
// in order of quality, then English.
import { isOneOf } from '../is-one-of';

export const supportedLocales = ['en', 'fr'] as const;
export type Locale = (typeof supportedLocales)[number];

export function isLocale(value: unknown): value is Locale {
  return isOneOf(supportedLocales, value);
}

export function pickLocale(chosen: string | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(chosen)) return chosen;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { language: tag.toLowerCase().split('-')[0] ?? '', quality: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.language && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  return ranked.map((entry) => entry.language).find(isLocale) ?? 'en';
}
