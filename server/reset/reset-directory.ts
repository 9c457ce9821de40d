import 'server-only';
// What the reset portal needs from the directory (Microsoft Graph), as one small port so the domain
// functions can be tested against an in-memory directory and run against Graph (real or mock).
import type { OnPremisesIdentity } from '@/lib/ad/source-of-authority';

/** A user as self-service reset and unlock need them (where codes go, where the password lives). */
export type ResetDirectoryUser = {
  id: string;
  userPrincipalName: string;
  displayName: string;
  /** Mobile number of record in Entra (SMS codes go there). */
  mobilePhone: string | null;
  /** Alternate email of record (`otherMails`; email codes go to the first). */
  alternateEmail: string | null;
  /** Graph's onPremises* properties when the user is synced from AD (their password lives there); else null. */
  onPremises?: OnPremisesIdentity | null;
};

/** A registered Entra authentication method, reduced to what readiness and the MFA rule need. */
export type DirectoryMethod = {
  kind:
    | 'password'
    | 'authenticator'
    | 'phone'
    | 'fido2'
    | 'windowsHello'
    | 'softwareOath'
    | 'email'
    | 'temporaryAccessPass'
    | 'other';
  isPasswordlessCapable: boolean;
};

export type ResetDirectory = {
  /** By UPN or email; null when no such account (callers must not branch on it observably). */
  findUser(username: string): Promise<ResetDirectoryUser | null>;
  getUser(id: string): Promise<ResetDirectoryUser>;
  listMethods(id: string): Promise<DirectoryMethod[]>;
  /** Graph PATCH /users/{id} passwordProfile; throws AppError INVALID_INPUT carrying Entra's message. */
  setPassword(id: string, password: string): Promise<void>;
  /**
   * Graph user `lastPasswordChangeDateTime` (only returned with $select), or null: how reconciliation finds
   * out whether a password write whose answer was lost did land.
   */
  lastPasswordChange(id: string): Promise<Date | null>;
  unlock(id: string): Promise<void>;
  revokeSignInSessions(id: string): Promise<void>;
};

/** Entra methods that count as MFA registered (everything a user holds, beyond the password and email). */
export function hasMfaMethod(methods: readonly DirectoryMethod[]): boolean {
  return methods.some((method) => !['password', 'email', 'other'].includes(method.kind));
}
