// How much a session secret resists guessing, estimated two ways, because a secret can be weak in two ways:
// - a short alphabet ('a' x 32, "abab…", binary digits): length x log2(distinct characters), which is the
//   entropy of the string if it had been drawn uniformly from the characters it uses;
// - a pattern over a rich alphabet (sequences "0123…", "abcd…", repeated words): zxcvbn's pattern matchers
//   (repeat, sequence, spatial, date; no dictionaries needed for this) give the guesses an attacker needs.
// The first estimate undercounts random strings (not every character of the alphabet occurs), so its floor is
// 96 bits: a 32-character hex string (`openssl rand -hex 16`, 128 bits) scores 110-128 and passes, while
// `openssl rand -base64 32` (256 bits) scores about 190; repeated characters and two-letter alphabets stay far below.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';

export const minimumSecretBits = 96;
/** zxcvbn's guesses, as log10, below which a secret follows a guessable pattern (10^24 ≈ 80 bits). */
export const minimumSecretGuessesLog10 = 24;

let patternMatcher: ZxcvbnFactory | undefined;

export function alphabetBits(secret: string): number {
  const characters = [...secret];
  const distinct = new Set(characters).size;
  return distinct < 2 ? 0 : characters.length * Math.log2(distinct);
}

export function patternGuessesLog10(secret: string): number {
  patternMatcher ??= new ZxcvbnFactory({});
  return patternMatcher.check(secret).guessesLog10;
}

/** Why a secret is too weak, or undefined when it is strong enough. */
export function secretWeakness(secret: string): string | undefined {
  if (alphabetBits(secret) < minimumSecretBits)
    return `too few distinct characters (under ${minimumSecretBits} bits); generate one with \`openssl rand -base64 32\``;
  if (patternGuessesLog10(secret) < minimumSecretGuessesLog10)
    return 'follows a guessable pattern (sequences, repeats); generate one with `openssl rand -base64 32`';
  return undefined;
}
