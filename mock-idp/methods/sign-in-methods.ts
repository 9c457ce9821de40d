// Which of a user's registered methods a sign-in page offers, in Entra's words.
import {
  firstFactorModes,
  restartOnlyModes,
  secondFactorModes,
  type AuthenticationMethodMode,
} from '../../lib/conditional-access/authentication-method-mode';
import { credentialsOf, type DemoCredentials } from './demo-credentials';
import type { MethodPolicy } from './method-policy';
import { defaultSignInMethodOf, registeredMethodsOf } from './registered-methods';
import type { Store } from '../store/store';
import { isTemporaryAccessPassUsable, temporaryAccessPassOf } from './temporary-access-pass';
import type { TenantUser } from '../store/tenant';

/** Methods the mock can actually run (certificates and federation are not simulated). */
export const supportedModes: ReadonlySet<AuthenticationMethodMode> = new Set<AuthenticationMethodMode>([
  'password',
  'deviceBasedPush',
  'microsoftAuthenticatorPush',
  'fido2',
  'windowsHelloForBusiness',
  'softwareOath',
  'hardwareOath',
  'sms',
  'voice',
  'temporaryAccessPassOneTime',
  'temporaryAccessPassMultiUse',
]);

export function maskPhone(phone: string | null | undefined): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 2 ? `+XX XXXXXXXX${digits.slice(-2)}` : 'your phone';
}

export function methodLabel(mode: AuthenticationMethodMode, phone?: string | null): string {
  switch (mode) {
    case 'password':
      return 'Password';
    case 'deviceBasedPush':
      return 'Approve a request on my Microsoft Authenticator app';
    case 'microsoftAuthenticatorPush':
      return 'Approve a request on my Microsoft Authenticator app';
    case 'fido2':
      return 'Face, fingerprint, PIN or security key';
    case 'windowsHelloForBusiness':
      return 'Windows Hello for Business';
    case 'softwareOath':
    case 'hardwareOath':
      return 'Use a verification code';
    case 'sms':
      return `Text ${maskPhone(phone)}`;
    case 'voice':
      return `Call ${maskPhone(phone)}`;
    case 'temporaryAccessPassOneTime':
    case 'temporaryAccessPassMultiUse':
      return 'Temporary Access Pass';
    default:
      return mode;
  }
}

/**
 * Registered methods the mock can run and the tenant's authentication methods policy lets this user use
 * (`isAllowed`, method-policy.ts); the registered TAP counts only while usable.
 */
export function usableMethodsOf(
  store: Store,
  user: TenantUser,
  now: number,
  isAllowed: MethodPolicy,
): AuthenticationMethodMode[] {
  const tap = temporaryAccessPassOf(store, user.id);
  const methods = registeredMethodsOf(store, user).filter(
    (m) => supportedModes.has(m) && !m.startsWith('temporaryAccessPass'),
  );
  if (tap && isTemporaryAccessPassUsable(tap, now))
    methods.push(tap.isUsableOnce ? 'temporaryAccessPassOneTime' : 'temporaryAccessPassMultiUse');
  return methods.filter(isAllowed);
}

export function firstFactorOptions(
  store: Store,
  user: TenantUser,
  now: number,
  isAllowed: MethodPolicy,
): AuthenticationMethodMode[] {
  return usableMethodsOf(store, user, now, isAllowed).filter((m) => firstFactorModes.has(m) && m !== 'sms');
}

export function secondFactorOptions(
  store: Store,
  user: TenantUser,
  now: number,
  used: readonly AuthenticationMethodMode[],
  isAllowed: MethodPolicy,
): AuthenticationMethodMode[] {
  return usableMethodsOf(store, user, now, isAllowed).filter(
    (m) => secondFactorModes.has(m) && !restartOnlyModes.has(m) && !used.includes(m),
  );
}

/**
 * The first page after the username: a usable Temporary Access Pass first (Entra asks for it when
 * one exists), else the default method when it can start a sign-in, else the password.
 */
export function firstFactorDefault(
  store: Store,
  user: TenantUser,
  now: number,
  isAllowed: MethodPolicy,
): AuthenticationMethodMode {
  const options = firstFactorOptions(store, user, now, isAllowed);
  const tap = options.find((m) => m.startsWith('temporaryAccessPass'));
  if (tap) return tap;
  const preferred = defaultSignInMethodOf(store, user);
  if (options.includes(preferred)) return preferred;
  return options.includes('password') ? 'password' : (options[0] ?? 'password');
}

export function secondFactorDefault(
  store: Store,
  user: TenantUser,
  offered: readonly AuthenticationMethodMode[],
): AuthenticationMethodMode | undefined {
  const preferred = defaultSignInMethodOf(store, user);
  if (offered.includes(preferred)) return preferred;
  const order: AuthenticationMethodMode[] = [
    'microsoftAuthenticatorPush',
    'fido2',
    'softwareOath',
    'hardwareOath',
    'sms',
    'voice',
  ];
  return order.find((m) => offered.includes(m)) ?? offered[0];
}

export function phoneOf(credentials: DemoCredentials, user: TenantUser): string | undefined {
  return credentialsOf(credentials, user.userPrincipalName).smsPhone ?? user.mobilePhone ?? undefined;
}

/** Registered methods as the CA engine should see them: a TAP only while it is usable. */
export function effectiveMethodsOf(store: Store, user: TenantUser, now: number): AuthenticationMethodMode[] {
  const tap = temporaryAccessPassOf(store, user.id);
  const methods = registeredMethodsOf(store, user).filter((m) => !m.startsWith('temporaryAccessPass'));
  if (tap && isTemporaryAccessPassUsable(tap, now))
    methods.push(tap.isUsableOnce ? 'temporaryAccessPassOneTime' : 'temporaryAccessPassMultiUse');
  return methods;
}
