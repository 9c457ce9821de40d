// Issue 14: French pages called the service desk three things ("service d’assistance", "support",
// "centre de services"). One term, everywhere a French user reads it.
import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogues';
import type { Messages } from './translate';

function texts(tree: Messages): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : texts(value)));
}

const otherNames = [
  /\bsupport\b/i,
  /centre de services/i,
  /help ?desk/i,
  /service desk/i,
  /guichet/i,
  /hotline/i,
  /service d'assistance/i, // the typographic apostrophe, as in every other French message
  /(?<!service d’)assistance\b/i,
];

describe('French messages name the service desk one way: « service d’assistance »', () => {
  const french = texts(catalogues.fr);

  it.each(otherNames.map((pattern) => [String(pattern), pattern] as const))('no message uses %s', (_, pattern) => {
    expect(french.filter((text) => pattern.test(text))).toEqual([]);
  });

  it('the term itself is used (the desk is named on the home page, the header and the reset help)', () => {
    expect(french.filter((text) => /service d’assistance/i.test(text)).length).toBeGreaterThan(10);
  });
});
