import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultPasswordPolicy,
  evaluatePassword,
  namePartsOf,
  passwordRuleIds,
  type PasswordPolicy,
} from './password-policy';
import { buildBreachedPasswordCorpus } from './breached-passwords';

const adele = { userPrincipalName: 'adele.vance@contoso.test', displayName: 'Adele Vance' };
const policy: PasswordPolicy = { ...defaultPasswordPolicy, organisationWords: ['Contoso', 'Verity'] };
// A few entries in the shape of the real corpus (server/reset/breached-password-corpus.test.ts checks that one).
const corpus = buildBreachedPasswordCorpus({
  rankedPasswords: ['123456', 'password', '12345678', 'qwerty', '123456789', 'dragon'],
  words: ['summer', 'harbour', 'lantern'],
});
const failed = (password: string, confirmation = password) =>
  evaluatePassword(policy, { password, confirmation }, adele, corpus)
    .rules.filter((r) => !r.passed)
    .map((r) => r.id);

describe('password policy (one definition for browser and server)', () => {
  it('accepts a long password of three classes with no banned word', () => {
    expect(failed('Blue-Harbour-Lantern-82')).toEqual([]);
  });

  it('minimum length is configurable (default 12) and counted in code points, without truncation', () => {
    expect(failed('Tr4m!Qx9kP')).toContain('minLength');
    expect(
      evaluatePassword(
        { ...policy, minLength: 8 },
        { password: 'Tr4m!Qx9kP', confirmation: 'Tr4m!Qx9kP' },
        adele,
        corpus,
      ).isAcceptable,
    ).toBe(true);
    expect(failed('Ünïcødé-Brîdge-7')).not.toContain('minLength');
  });

  it("allows Entra's maximum of 256 characters and refuses 257", () => {
    const long = 'Xk9!'.repeat(64);
    expect(failed(long)).toEqual([]);
    expect(failed(`${long}z`)).toContain('maxLength');
  });

  it("shows Entra's 3-of-4 character classes rule", () => {
    expect(failed('bluehaboursunrisee')).toContain('characterClasses');
    expect(failed('blueharbourlantern82')).toContain('characterClasses');
    expect(failed('blue-harbour-lantern-82')).not.toContain('characterClasses');
  });

  it('refuses common and breached passwords after normalising case and substitutions', () => {
    const result = evaluatePassword(
      policy,
      { password: 'P@ssw0rd-2024-Now', confirmation: 'P@ssw0rd-2024-Now' },
      adele,
      corpus,
    );
    expect(result.rules.find((r) => r.id === 'notCommon')).toEqual({
      id: 'notCommon',
      passed: false,
      match: 'password',
    });
    expect(failed('Ab!123456789xyz')).toContain('notCommon');
    expect(failed('Qwerty-Lantern-82')).toContain('notCommon');
  });

  it('refuses a whole password that is a corpus entry once digits and symbols at its ends are stripped', () => {
    expect(failed('Summer-2024!!')).toContain('notCommon');
    expect(failed('2024#Harb0ur!')).toContain('notCommon');
    // a corpus word inside a longer password is fine unless it is one of the common passwords matched inside
    expect(failed('Summer-Harbour-Lantern-82')).not.toContain('notCommon');
    // the browser has no whole-corpus entries: it checks the substrings only, the server checks both
    const browser = { substrings: corpus.substrings };
    const inBrowser = evaluatePassword(
      policy,
      { password: 'Summer-2024!!', confirmation: 'Summer-2024!!' },
      adele,
      browser,
    );
    expect(inBrowser.rules.find((rule) => rule.id === 'notCommon')?.passed).toBe(true);
  });

  it("refuses the organisation's words and parts of the user's name", () => {
    expect(failed('C0ntoso-Harbour-82')).toContain('noOrganisationWords');
    expect(failed('Harbour-V@nce-1982')).toContain('noNameParts');
    expect(failed('ADELE-harbour-1982')).toContain('noNameParts');
    expect(namePartsOf(adele)).toEqual(['adele', 'vance']);
  });

  it('requires the confirmation to match exactly', () => {
    expect(failed('Blue-Harbour-Lantern-82', 'Blue-Harbour-Lantern-83')).toEqual(['confirmationMatches']);
  });

  it('an empty password fails every rule but the maximum length', () => {
    expect(failed('', '')).toEqual(passwordRuleIds.filter((id) => id !== 'maxLength'));
  });

  it('property: acceptable exactly when every rule passes, and any password is evaluated without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), fc.string({ maxLength: 20 }), (password, suffix) => {
        const result = evaluatePassword(policy, { password, confirmation: password + suffix }, adele, corpus);
        expect(result.rules.map((r) => r.id)).toEqual([...passwordRuleIds]);
        expect(result.isAcceptable).toBe(result.rules.every((r) => r.passed));
        if (suffix.length > 0) expect(result.isAcceptable).toBe(false);
      }),
    );
  });

  it('property: adding a banned word anywhere makes a password unacceptable', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        fc.constantFrom('password', 'Contoso', 'adele', 'qwerty'),
        (before, after, word) => {
          const password = `${before}${word}${after}`;
          expect(evaluatePassword(policy, { password, confirmation: password }, adele, corpus).isAcceptable).toBe(
            false,
          );
        },
      ),
    );
  });
});
