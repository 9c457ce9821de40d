// Active Directory's own checks on a new password, so the page can show them live and name the rule AD
// applied when it refuses a reset. Complexity as Windows defines it ("Password must meet complexity
// requirements", learn.microsoft.com/windows-server/security/threat-protection/security-policy-settings/
// password-must-meet-complexity-requirements): not the sAMAccountName, no display-name token of three or
// more characters, and three of five categories (uppercase, lowercase, digits, non-alphanumeric, other
// Unicode letters). History and minimum age cannot be checked outside the DC: they are shown, and
// recognised in AD's answer.
import type { AdPasswordPolicy } from './ad-password-policy';

export type AdPasswordRuleId = 'adMinLength' | 'adComplexity' | 'adHistory' | 'adMinimumAge';

export type AdAccountNames = { samAccountName: string; displayName: string };

const displayNameDelimiters = /[,.\-_#\s\t]+/;

function categoriesOf(password: string): number {
  return [/\p{Lu}/u, /\p{Ll}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u, /[\p{Lo}\p{Lm}]/u].filter((pattern) =>
    pattern.test(password),
  ).length;
}

/** AD's complexity rule (only meaningful when the policy requires complexity). */
export function meetsAdComplexity(password: string, names: AdAccountNames): boolean {
  const lower = password.toLowerCase();
  const sam = names.samAccountName.toLowerCase();
  if (sam.length >= 3 && lower.includes(sam)) return false;
  const tokens = names.displayName
    .toLowerCase()
    .split(displayNameDelimiters)
    .filter((token) => token.length >= 3);
  if (tokens.some((token) => lower.includes(token))) return false;
  return categoriesOf(password) >= 3;
}

/** The rules that can be checked before the write, with whether `password` meets them. */
export function checkableAdRules(
  policy: AdPasswordPolicy,
  password: string,
  names: AdAccountNames,
): { id: 'adMinLength' | 'adComplexity'; passed: boolean }[] {
  const rules: { id: 'adMinLength' | 'adComplexity'; passed: boolean }[] = [];
  // AD counts UTF-16 code units of unicodePwd; a minimum of 0 means no length rule.
  if (policy.minLength > 0) rules.push({ id: 'adMinLength', passed: password.length >= policy.minLength });
  if (policy.requiresComplexity) rules.push({ id: 'adComplexity', passed: meetsAdComplexity(password, names) });
  return rules;
}

/**
 * Which rule AD applied when it refused a reset with constraint violation 0000052D. Samba names it in
 * the message ("check_password_restrictions: the password is too short…"); Windows does not, so the
 * checkable rules are re-run and, when they all pass, the refusal is history or minimum age.
 */
export function adRefusalRule(
  diagnosticMessage: string,
  policy: AdPasswordPolicy,
  password: string,
  names: AdAccountNames,
): AdPasswordRuleId {
  if (/too short/i.test(diagnosticMessage)) return 'adMinLength';
  if (/complexity/i.test(diagnosticMessage)) return 'adComplexity';
  if (/history|was already used/i.test(diagnosticMessage)) return 'adHistory';
  if (/too young|minimum.*age/i.test(diagnosticMessage)) return 'adMinimumAge';
  const failed = checkableAdRules(policy, password, names).find((rule) => !rule.passed);
  if (failed) return failed.id;
  return policy.minAgeDays > 0 ? 'adMinimumAge' : 'adHistory';
}
