import 'server-only';
// What the desk needs from the directory (Microsoft Graph in production and against the mock). The
// interface keeps the desk's rules testable without a network; graph-desk-directory.ts implements it.
import type { OnPremisesIdentity } from '../../lib/ad/source-of-authority';
import type { DirectoryObject } from '../../lib/desk/target-privilege';

/** A user as the desk shows and checks them (every channel of record, enabled state). */
export type DeskDirectoryUser = {
  id: string;
  userPrincipalName: string;
  displayName: string;
  mail: string | null;
  mobilePhone: string | null;
  otherMails: string[];
  accountEnabled: boolean;
  /** Graph's onPremises* properties for a synced user (password and lockout live in AD); else null. */
  onPremises?: OnPremisesIdentity | null;
};

/** One registered method, from Graph authentication/methods, without secrets. */
export type RegisteredMethod = { type: string; id: string; label: string | null };

export type IssuedTemporaryAccessPass = {
  temporaryAccessPass: string;
  methodId: string;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  startDateTime: string | null;
};

export type DeskDirectory = {
  searchUsers(query: string): Promise<DeskDirectoryUser[]>;
  getUser(id: string): Promise<DeskDirectoryUser>;
  listAuthenticationMethods(id: string): Promise<RegisteredMethod[]>;
  /** Graph signInPreferences: the user's default (system-preferred) method, if any. */
  defaultSignInMethod(id: string): Promise<string | null>;
  listTransitiveMemberOf(id: string): Promise<DirectoryObject[]>;
  /** Most recent smart-lockout sign-in failure (error 50053) since `since`, from the sign-in logs. */
  lastLockoutSince(id: string, since: Date): Promise<Date | null>;
  unlock(id: string): Promise<{ wasLocked: boolean }>;
  createTemporaryAccessPass(
    id: string,
    options: { lifetimeInMinutes: number; isUsableOnce: boolean },
  ): Promise<IssuedTemporaryAccessPass>;
  requirePasswordChangeAtNextSignIn(id: string): Promise<void>;
};
