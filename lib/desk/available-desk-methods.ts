// Which desk verification methods a given account can use, from what Entra holds for it: a registered
// Microsoft Authenticator for the push, a mobile number or alternate email of record for codes and for the
// sign-in link. Only contacts of record count; a number the caller gives on the phone never does (CISA).
// Read-back codes are marked as second methods: under the default policy they only add to a strong one.
import { defaultDeskPolicy, isStrongMethod, type DeskPolicy, type DeskVerificationMethod } from './desk-policy';

export type AccountContacts = {
  hasAuthenticatorApp: boolean;
  /** Mobile number of record (Graph phoneAuthenticationMethod or mobilePhone). */
  mobilePhone: string | null;
  /** Alternate email of record (Graph otherMails); not the work mailbox the attacker wants into. */
  alternateEmail: string | null;
};

export type AvailableDeskMethod = {
  method: DeskVerificationMethod;
  isAvailable: boolean;
  /** Push with number matching or Entra sign-in link: can verify the caller on its own. */
  isStrong: boolean;
  reason: 'available' | 'noAuthenticator' | 'noMobilePhone' | 'noAlternateEmail' | 'noContact' | 'notEnabled';
};

export function availableDeskMethods(
  contacts: AccountContacts,
  enabled: readonly DeskVerificationMethod[],
  policy: Pick<DeskPolicy, 'strongMethods'> = defaultDeskPolicy,
): AvailableDeskMethod[] {
  const check = (method: DeskVerificationMethod): AvailableDeskMethod['reason'] => {
    if (!enabled.includes(method)) return 'notEnabled';
    if (method === 'authenticatorPush') return contacts.hasAuthenticatorApp ? 'available' : 'noAuthenticator';
    if (method === 'smsCode') return contacts.mobilePhone ? 'available' : 'noMobilePhone';
    if (method === 'emailCode') return contacts.alternateEmail ? 'available' : 'noAlternateEmail';
    return contacts.alternateEmail || contacts.mobilePhone ? 'available' : 'noContact';
  };
  return (['authenticatorPush', 'entraSignInLink', 'smsCode', 'emailCode'] as const).map((method) => {
    const reason = check(method);
    return { method, isAvailable: reason === 'available', isStrong: isStrongMethod(policy, method), reason };
  });
}

/** False when the account has no strong method the desk can use: it cannot be verified over the phone. */
export function hasStrongDeskMethod(methods: readonly AvailableDeskMethod[]): boolean {
  return methods.some((method) => method.isAvailable && method.isStrong);
}
