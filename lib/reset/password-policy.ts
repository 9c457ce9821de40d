// One definition of the new-password rules, used by the live feedback in the browser and by the server
// before the password is written to Entra (one list, so the two can never disagree).
// - Length: configurable minimum (default 12; NIST SP 800-63B 5.1.1.2 and ASVS5 6.2.1 ask for 8 at least,
//   15 recommended for a single factor), Entra's maximum 256, no truncation. Counted in code points.
// - Entra's complexity rule: three of lowercase, uppercase, digits, symbols (concept-sspr-policy
//   "Password policies"); shown because Entra refuses the password otherwise.
// - Banned values: a public corpus of breached passwords and dictionary words (breached-passwords.ts, passed
//   in: the server holds all of it, the browser the part matched inside passwords), the organisation's own
//   words, parts of the user's name (concept-password-ban-bad: Entra normalises case and l33t substitutions
//   and matches substrings).
// - Typed twice; paste is allowed (the page never blocks it).
import { findBreachedPassword, type BreachedPasswordCorpus } from './breached-passwords';
import { normalisePasswordText } from './password-text';

export type PasswordPolicy = {
  minLength: number;
  maxLength: number;
  /** The organisation's own words (company, product and place names); lowercase or not. */
  organisationWords: readonly string[];
};

/** What the policy knows about the person choosing the password. */
export type PasswordContext = { userPrincipalName: string; displayName: string };

export const passwordRuleIds = [
  'minLength',
  'maxLength',
  'characterClasses',
  'notCommon',
  'noOrganisationWords',
  'noNameParts',
  'confirmationMatches',
] as const;
export type PasswordRuleId = (typeof passwordRuleIds)[number];

export type PasswordRuleResult = {
  id: PasswordRuleId;
  passed: boolean;
  /** the banned word found, if any */ match?: string;
};
export type PasswordEvaluation = { rules: PasswordRuleResult[]; isAcceptable: boolean };

export const entraMaximumPasswordLength = 256;
export const defaultPasswordPolicy: PasswordPolicy = {
  minLength: 12,
  maxLength: entraMaximumPasswordLength,
  organisationWords: [],
};

/** Parts of a user's name that may not appear in the password: UPN local part and display-name words. */
export function namePartsOf(context: PasswordContext): string[] {
  const local = context.userPrincipalName.split('@')[0] ?? '';
  const parts = [...local.split(/[._\-+#]/), ...context.displayName.split(/[\s.\-_,']+/)];
  return [...new Set(parts.map((part) => part.toLowerCase()).filter((part) => part.length >= 3))];
}

function countCharacterClasses(password: string): number {
  return [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((pattern) => pattern.test(password)).length;
}

// Digits-only entries are matched raw too: the substitutions above would turn "1234" into "l2ea".
function findBannedWord(password: string, words: readonly string[]): string | undefined {
  const normalised = normalisePasswordText(password);
  const lower = password.toLowerCase();
  return words.find((word) => {
    const w = word.toLowerCase();
    return w.length > 0 && (lower.includes(w) || normalised.includes(normalisePasswordText(w)));
  });
}

export function evaluatePassword(
  policy: PasswordPolicy,
  input: { password: string; confirmation: string },
  context: PasswordContext,
  breached: BreachedPasswordCorpus,
): PasswordEvaluation {
  const { password, confirmation } = input;
  const length = [...password].length;
  const common = password.length > 0 ? findBreachedPassword(password, breached) : undefined;
  const organisation = findBannedWord(
    password,
    policy.organisationWords.filter((word) => word.trim().length >= 3),
  );
  const name = findBannedWord(password, namePartsOf(context));
  const rules: PasswordRuleResult[] = [
    { id: 'minLength', passed: length >= policy.minLength },
    { id: 'maxLength', passed: length <= policy.maxLength },
    { id: 'characterClasses', passed: countCharacterClasses(password) >= 3 },
    { id: 'notCommon', passed: password.length > 0 && !common, ...(common ? { match: common } : {}) },
    {
      id: 'noOrganisationWords',
      passed: password.length > 0 && !organisation,
      ...(organisation ? { match: organisation } : {}),
    },
    { id: 'noNameParts', passed: password.length > 0 && !name, ...(name ? { match: name } : {}) },
    { id: 'confirmationMatches', passed: password.length > 0 && password === confirmation },
  ];
  return { rules, isAcceptable: rules.every((rule) => rule.passed) };
}
