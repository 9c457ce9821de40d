// The service desk's own verification policy: which caller-verification methods count, how much each
// is worth, how many are needed per action, and the rules for privileged accounts. Pure data plus
// defaults; server/config.ts may override the numbers. Sources: OWASP ASVS 5.0 6.4.4 (help-desk
// verification must use the account's own authenticators, never personal facts), 6.4.6 (the agent never
// chooses or sees the password), NIST SP 800-63B-4 §4.2 (account recovery), CISA's guidance on help-desk
// social engineering, and Entra's "two-gate" rule for administrators (concept-sspr-policy: admins always
// need two methods).

/** Methods the desk accepts. Personal facts (date of birth, manager, employee number) are never one. */
export const deskVerificationMethods = ['authenticatorPush', 'entraSignInLink', 'smsCode', 'emailCode'] as const;
export type DeskVerificationMethod = (typeof deskVerificationMethods)[number];

/** What an agent can do once the caller is verified. None of them lets the agent choose or see a password. */
export const deskActions = ['unlock', 'sendResetLink', 'issueTemporaryAccessPass', 'requirePasswordChange'] as const;
export type DeskAction = (typeof deskActions)[number];

export type DeskPolicy = {
  /** Minutes, from the first successful verification, during which actions are allowed. */
  windowMinutes: number;
  /** Worth of each method. Codes read back over the phone are worth less than a push or an Entra sign-in. */
  methodWeights: Record<DeskVerificationMethod, number>;
  /** Methods that prove possession of the account's own MFA (phishing-resistant enough for the desk). */
  strongMethods: readonly DeskVerificationMethod[];
  /** Weight needed per action, counting each distinct verified method once. */
  requiredWeight: Record<DeskAction, number>;
  /** Actions for which a read-back code counts at all, as a second method (ASVS5 6.4.4: read-back codes are weak proof). */
  codesAllowedFor: readonly DeskAction[];
  /**
   * Actions that need a verified strong method (push with number matching, Entra sign-in link). All of them by
   * default: SMS and email codes read back over the phone only ever add to a strong method, never suffice alone,
   * because a caller who took over the phone number or mailbox reads them back as easily as the user
   * (ASVS5 6.4.4; CISA/FBI advisory AA23-320A on Scattered Spider's help-desk social engineering).
   */
  strongMethodRequiredFor: readonly DeskAction[];
  /** Privileged targets (any directory role or a configured group). */
  privileged: { distinctMethods: number; requiresSupervisorApproval: boolean };
  /** Minutes during which no desk action is possible on a user who denied or reported a desk push. */
  blockMinutesAfterRejectedPush: number;
  /** One-time codes sent by SMS or email for read-back (ASVS5 6.5: 10 minutes at most, few tries). */
  code: { lifetimeMinutes: number; maxAttempts: number; digits: number };
  /** Temporary Access Pass issued by the desk (Graph temporaryAccessPassMethods: 10..43200 minutes). */
  temporaryAccessPass: { lifetimeMinutes: number; isUsableOnce: boolean };
  /** Days looked back for "this user was the subject of another desk request". */
  repeatedRequestDays: number;
};

export const defaultDeskPolicy: DeskPolicy = {
  windowMinutes: 15,
  methodWeights: { authenticatorPush: 2, entraSignInLink: 2, smsCode: 1, emailCode: 1 },
  strongMethods: ['authenticatorPush', 'entraSignInLink'],
  requiredWeight: { unlock: 2, sendResetLink: 2, issueTemporaryAccessPass: 2, requirePasswordChange: 2 },
  codesAllowedFor: ['unlock', 'sendResetLink', 'requirePasswordChange'],
  strongMethodRequiredFor: deskActions,
  privileged: { distinctMethods: 2, requiresSupervisorApproval: true },
  blockMinutesAfterRejectedPush: 60,
  code: { lifetimeMinutes: 10, maxAttempts: 3, digits: 6 },
  temporaryAccessPass: { lifetimeMinutes: 60, isUsableOnce: true },
  repeatedRequestDays: 7,
};

export function isStrongMethod(policy: Pick<DeskPolicy, 'strongMethods'>, method: DeskVerificationMethod): boolean {
  return policy.strongMethods.includes(method);
}

export function isCodeMethod(method: DeskVerificationMethod): boolean {
  return method === 'smsCode' || method === 'emailCode';
}
