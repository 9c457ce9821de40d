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
