import { describe, expect, it } from 'vitest';
import { isOneOf } from './is-one-of';

describe('isOneOf', () => {
  const locales = ['en', 'fr'] as const;

  it('accepts a member and narrows it to the list’s union', () => {
    const value: unknown = 'fr';
    if (!isOneOf(locales, value)) throw new Error('expected a member');
    const narrowed: 'en' | 'fr' = value;
    expect(narrowed).toBe('fr');
  });

  it('refuses anything else, including a member’s case variant, another type and a prototype key', () => {
    for (const value of ['EN', 'de', '', 1, null, undefined, {}, 'toString', 'constructor'])
      expect(isOneOf(locales, value)).toBe(false);
  });
});
