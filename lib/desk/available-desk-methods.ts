// Which desk verification methods a given account can use, from what Entra holds for it: a registered
// Microsoft Authenticator for the push, a mobile number or alternate email of record for codes and for the
// sign-in link. Only contacts of record count; a number the caller gives on the phone never does (CISA).
import type { DeskVerificationMethod } from './desk-policy';

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
  reason: 'available' | 'noAuthenticator' | 'noMobilePhone' | 'noAlternateEmail' | 'noContact' | 'notEnabled';
};

export function availableDeskMethods(
  contacts: AccountContacts,
  enabled: readonly DeskVerificationMethod[],
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
    return { method, isAvailable: reason === 'available', reason };
  });
}
