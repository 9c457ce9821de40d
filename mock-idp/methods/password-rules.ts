// Entra ID password rules for cloud users (concept-sspr-policy "Password policies"): 8 to 256
// characters, three of the four classes (lowercase, uppercase, digits, symbols), and the banned
// password list (concept-password-ban-bad) including context words such as the user's name.
export type PasswordRuleViolation = 'tooShort' | 'tooLong' | 'notComplexEnough' | 'banned' | 'containsUserName';

// A small stand-in for Microsoft's global banned list; Entra normalises (lowercase, l33t) and
// matches substrings, which this mirrors in miniature.
const bannedWords = [
  'password',
  'passw0rd',
  'contoso',
  'verity',
  'welcome',
  'letmein',
  'qwerty',
  'summer',
  'winter',
  'spring',
  'autumn',
  'admin',
  '123456',
];

const leet: Record<string, string> = {
  '0': 'o',
  '1': 'l',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

function normalise(value: string): string {
  return [...value.toLowerCase()].map((c) => leet[c] ?? c).join('');
}

export function checkPassword(
  password: string,
  context: { userPrincipalName: string; displayName: string },
): PasswordRuleViolation[] {
  const violations: PasswordRuleViolation[] = [];
  if (password.length < 8) violations.push('tooShort');
  if (password.length > 256) violations.push('tooLong');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) violations.push('notComplexEnough');
  const normalised = normalise(password);
  if (bannedWords.some((w) => normalised.includes(normalise(w)))) violations.push('banned');
  const nameParts = [context.userPrincipalName.split('@')[0] ?? '', ...context.displayName.split(/\s+/)]
    .flatMap((p) => p.split('.'))
    .filter((p) => p.length >= 4)
    .map(normalise);
  if (nameParts.some((p) => normalised.includes(p))) violations.push('containsUserName');
  return violations;
}

export const passwordRuleSentences: Record<PasswordRuleViolation, string> = {
  tooShort: 'The password must be at least 8 characters long.',
  tooLong: 'The password must be at most 256 characters long.',
  notComplexEnough: 'The password must contain three of: lowercase letters, uppercase letters, digits, symbols.',
  banned: 'The password contains a word on the banned password list.',
  containsUserName: "The password contains part of the user's name.",
};
