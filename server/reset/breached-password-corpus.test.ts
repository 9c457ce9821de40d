// Breached and common passwords are refused against a real public corpus shipped with the product (issue 11,
// finding 10; NIST SP 800-63B 5.1.1.2, ASVS5 6.2.4), not a hand-picked list.
import { describe, expect, it } from 'vitest';
import { defaultPasswordPolicy, evaluatePassword } from '../../lib/reset/password-policy';
import { findBreachedPassword } from '../../lib/reset/breached-passwords';
import { loadBreachedPasswordCorpus } from './breached-password-corpus';

const adele = { userPrincipalName: 'adele.vance@contoso.test', displayName: 'Adele Vance' };

describe('breached passwords are refused against the public corpus', () => {
  it('loads tens of thousands of breached passwords and English and French words', async () => {
    const corpus = await loadBreachedPasswordCorpus();
    expect(corpus.entries.size).toBeGreaterThan(200_000);
    expect(corpus.substrings.length).toBeGreaterThan(2_000);
    expect(corpus.substrings.slice(0, 3)).toEqual(['123456', 'password', '12345678']);
  });

  it.each([
    // from the breach list, far beyond the old hand-picked 150 words
    ['Trustno1-2024!', 'trustno1'],
    ['Sunshine#2024', 'sunshine'],
    ['Starwars!1977', 'starwars'],
    ['P@ssw0rd-2024-Now', 'password'],
    ['Liverpool1892!', 'liverpool'],
    // French and English dictionary words and names as the whole password
    ['Soleil2024!!', 'soleil'],
    ['Grenouille#99', 'grenouille'],
    ['Wednesday-2024', 'wednesday'],
    ['Christopher1!', 'christopher'],
  ])('refuses %s (found: %s)', async (password, match) => {
    const corpus = await loadBreachedPasswordCorpus();
    const evaluation = evaluatePassword(defaultPasswordPolicy, { password, confirmation: password }, adele, corpus);
    expect(evaluation.rules.find((rule) => rule.id === 'notCommon')).toMatchObject({ passed: false, match });
  });

  it.each(['Blue-Harbour-Lantern-82', 'Quiet-Meadow-Compass-47', 'Orbit-Kettle-73-Lamp', 'Xk9!Xk9!Tq2#vB7m'])(
    'accepts a passphrase or a random password that is not in the corpus: %s',
    async (password) => {
      expect(findBreachedPassword(password, await loadBreachedPasswordCorpus())).toBeUndefined();
    },
  );
});
