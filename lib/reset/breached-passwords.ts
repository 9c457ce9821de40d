// Refusing "values known to be commonly-used, expected, or compromised" (NIST SP 800-63B 5.1.1.2; ASVS5 6.2.4)
// against a public corpus passed in as data: zxcvbn-ts's list of the most common passwords of public breaches
// (@zxcvbn-ts/language-common "passwords-common", ranked by frequency) and its English and French
// dictionaries (common words, Wikipedia words, first and last names). The server loads them
// (server/reset/breached-password-corpus.ts); this file only matches, so it stays pure and testable.
//
// Two ways to match, both after the normalisation Entra applies (case, l33t substitutions;
// concept-password-ban-bad), so "P@ssw0rd-2024-Now" is refused through "password":
// - inside the password: the most common breached passwords (the head of the ranked list, 5 characters and
//   more), as Entra matches its banned list by substring; short enough to ship to the browser for live feedback;
// - the whole password, or its core once leading and trailing digits and symbols are stripped ("Summer2024!"
//   → "summer"), against every entry of every list (tens of thousands of passwords and words).
import { normalisePasswordText } from './password-text';

export type BreachedPasswordCorpus = {
  /** Common breached passwords refused anywhere inside a password: lowercase, 5+ characters. */
  substrings: readonly string[];
  /** Every password and dictionary word, lowercase and normalised; absent in the browser (too large to ship). */
  entries?: ReadonlySet<string>;
};

export type BreachedPasswordLists = {
  /** Passwords ranked from most to least common. */
  rankedPasswords: readonly string[];
  /** Dictionary words and names, in any order. */
  words: readonly string[];
};

/** How many of the most common passwords are matched as substrings (and shipped to the browser). */
export const substringRank = 3_000;
const minimumSubstringLength = 5;
const minimumWholeLength = 4;

export function buildBreachedPasswordCorpus(lists: BreachedPasswordLists): Required<BreachedPasswordCorpus> {
  const substrings = [
    ...new Set(
      lists.rankedPasswords
        .slice(0, substringRank)
        .map((entry) => entry.toLowerCase())
        .filter((entry) => [...entry].length >= minimumSubstringLength),
    ),
  ];
  const entries = new Set<string>();
  for (const list of [lists.rankedPasswords, lists.words])
    for (const entry of list) {
      const lower = entry.toLowerCase();
      if ([...lower].length < minimumWholeLength) continue;
      entries.add(lower);
      entries.add(normalisePasswordText(lower));
    }
  return { substrings, entries };
}

// Normalised once per list, not once per check (the list does not change; live feedback runs per keystroke).
const normalisedLists = new WeakMap<readonly string[], readonly string[]>();
function normalisedOf(list: readonly string[]): readonly string[] {
  let normalised = normalisedLists.get(list);
  if (!normalised) {
    normalised = list.map(normalisePasswordText);
    normalisedLists.set(list, normalised);
  }
  return normalised;
}

const edgeNonLetters = /^[^\p{L}]+|[^\p{L}]+$/gu;

/** The corpus entry a password is refused for, or undefined. */
export function findBreachedPassword(password: string, corpus: BreachedPasswordCorpus): string | undefined {
  const lower = password.toLowerCase();
  const normalised = normalisePasswordText(password);
  // Digits-only entries are matched raw too: the substitutions would turn "123456" into "l2eas6".
  const normalisedSubstrings = normalisedOf(corpus.substrings);
  // The longest entry found is the one shown ("found: christopher", not "chris").
  let inside: string | undefined;
  corpus.substrings.forEach((entry, i) => {
    if (
      (inside === undefined || entry.length > inside.length) &&
      (lower.includes(entry) || normalised.includes(normalisedSubstrings[i] ?? entry))
    )
      inside = entry;
  });
  const core = lower.replace(edgeNonLetters, '');
  const whole = corpus.entries
    ? [lower, normalised, core, normalisePasswordText(core)].find(
        (candidate) => [...candidate].length >= minimumWholeLength && corpus.entries?.has(candidate),
      )
    : undefined;
  if (inside && whole) return whole.length > inside.length ? whole : inside;
  return inside ?? whole;
}
