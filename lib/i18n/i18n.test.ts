import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogues';
import { pickLocale } from './pick-locale';
import { translate, type Messages } from './translate';

function keys(tree: Messages, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}

describe('message files', () => {
  it('every language has exactly the English keys', () => {
    expect(keys(catalogues.fr).sort()).toEqual(keys(catalogues.en).sort());
  });
});

describe('pickLocale', () => {
  it('prefers the explicit choice, then Accept-Language by quality, then English', () => {
    expect(pickLocale('fr', 'en-GB')).toBe('fr');
    expect(pickLocale(undefined, 'de-DE, fr-CA;q=0.8, en;q=0.5')).toBe('fr');
    expect(pickLocale(undefined, 'en;q=0.2, fr;q=0.9')).toBe('fr');
    expect(pickLocale('xx', 'de')).toBe('en');
    expect(pickLocale(undefined, undefined)).toBe('en');
  });
});

describe('translate', () => {
  it('fills placeholders and shows the key when a message is missing', () => {
    expect(translate({ a: { b: 'Hello {name}' } }, 'a.b', { name: 'Adele' })).toBe('Hello Adele');
    expect(translate({ a: {} }, 'a.missing')).toBe('a.missing');
  });
});

describe('plurals are real plurals in both languages (issue 14)', () => {
  const message = { n: '{count, plural, =0 {no tries left} one {# try left} other {# tries left}}' };
  it('chooses English forms by the number', () => {
    expect(translate(message, 'n', { count: 0 }, 'en')).toBe('no tries left');
    expect(translate(message, 'n', { count: 1 }, 'en')).toBe('1 try left');
    expect(translate(message, 'n', { count: 4 }, 'en')).toBe('4 tries left');
  });
  it('uses French rules, where 0 and 1 are singular', () => {
    const fr = { n: '{count, plural, one {# essai restant} other {# essais restants}}' };
    expect(translate(fr, 'n', { count: 0 }, 'fr')).toBe('0 essai restant');
    expect(translate(fr, 'n', { count: 1 }, 'fr')).toBe('1 essai restant');
    expect(translate(fr, 'n', { count: 2 }, 'fr')).toBe('2 essais restants');
  });
  it('fills placeholders inside a branch and around it', () => {
    const nested = {
      n: 'For {name}: {count, plural, one {one request in {days} days} other {# requests in {days} days}}.',
    };
    expect(translate(nested, 'n', { name: 'Adele', count: 3, days: 7 })).toBe('For Adele: 3 requests in 7 days.');
  });
  it('no message in either language writes a plural as "(s)"', () => {
    const all = [catalogues.en, catalogues.fr].flatMap((tree) => keys(tree).map((k) => translate(tree, k)));
    expect(all.filter((text) => /\w\(s\)|\(e\)s/.test(text))).toEqual([]);
  });
});

describe('formatDate', () => {
  it('follows the locale, not the US format', async () => {
    const { formatDate } = await import('./format-date');
    expect(formatDate(new Date('2026-12-02T10:00:00Z'), 'fr')).toBe('2 déc. 2026');
    expect(formatDate(new Date('2026-12-02T10:00:00Z'), 'en')).toBe('2 Dec 2026');
  });
});
