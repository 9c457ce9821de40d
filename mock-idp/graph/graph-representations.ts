// Graph JSON shapes of the mock's directory objects: user, authentication methods, sign-in preferences.
import crypto from 'node:crypto';
import type { AuthenticationMethodMode } from '../../lib/conditional-access/authentication-method-mode';
import type { DemoCredentials } from '../methods/demo-credentials';
import { defaultSignInMethodOf, registeredMethodsOf } from '../methods/registered-methods';
import { phoneOf } from '../methods/sign-in-methods';
import type { Store } from '../store/store';
import { isTemporaryAccessPassUsable, temporaryAccessPassOf } from '../methods/temporary-access-pass';
import type { TenantUser } from '../store/tenant';
import { passkeysOf } from '../methods/webauthn';

export function userResource(user: TenantUser): Record<string, unknown> {
  return {
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName,
    userType: user.userType,
    accountEnabled: user.accountEnabled ?? true,
    mail: user.userType === 'Member' ? user.userPrincipalName : (user.otherMails?.[0] ?? null),
    mobilePhone: user.mobilePhone ?? null,
    otherMails: user.otherMails ?? [],
    // Graph returns these as null for cloud-only users (user resource, onPremises* properties).
    onPremisesSyncEnabled: user.onPremisesSyncEnabled ?? null,
    onPremisesSecurityIdentifier: user.onPremisesSecurityIdentifier ?? null,
    onPremisesSamAccountName: user.onPremisesSamAccountName ?? null,
    onPremisesDomainName: user.onPremisesDomainName ?? null,
    onPremisesDistinguishedName: user.onPremisesDistinguishedName ?? null,
    onPremisesUserPrincipalName: user.onPremisesUserPrincipalName ?? null,
  };
}

function stableId(userId: string, kind: string): string {
  const hex = crypto.createHash('sha256').update(`${userId}:${kind}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// The password method has the same well-known id in every tenant (Graph passwordAuthenticationMethod).
const passwordMethodId = '28c10230-6103-485e-b985-444c60001490';

// When the demo users' phones were registered for passwordless phone sign-in (a fixture, not the clock).
const phoneSignInRegisteredAt = '2026-01-12T09:00:00Z';

export function authenticationMethodsOf(
  store: Store,
  credentials: DemoCredentials,
  user: TenantUser,
  now: number,
): Record<string, unknown>[] {
  const modes = registeredMethodsOf(store, user);
  const out: Record<string, unknown>[] = [];
  const has = (m: AuthenticationMethodMode) => modes.includes(m);
  if (has('password'))
    out.push({
      '@odata.type': '#microsoft.graph.passwordAuthenticationMethod',
      id: passwordMethodId,
      password: null,
      createdDateTime: null,
    });
  if (has('microsoftAuthenticatorPush') || has('deviceBasedPush')) {
    out.push({
      '@odata.type': '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod',
      id: stableId(user.id, 'authenticator'),
      displayName: 'Mock phone',
      deviceTag: 'SoftwareTokenActivated',
      phoneAppVersion: '6.2401.0119',
      // Graph v1.0: "null if the device isn't registered for passwordless Phone Sign-In"
      // (microsoftAuthenticatorAuthenticationMethod); the portal reads phone sign-in from it.
      createdDateTime: has('deviceBasedPush') ? phoneSignInRegisteredAt : null,
    });
  }
  if (has('sms') || has('voice')) {
    out.push({
      '@odata.type': '#microsoft.graph.phoneAuthenticationMethod',
      id: '3179e48a-750b-4051-897c-87b9720928f7',
      phoneNumber: phoneOf(credentials, user) ?? null,
      phoneType: 'mobile',
      smsSignInState: 'notAllowedByPolicy',
    });
  }
  if (has('softwareOath'))
    out.push({ '@odata.type': '#microsoft.graph.softwareOathAuthenticationMethod', id: stableId(user.id, 'oath') });
  if (has('windowsHelloForBusiness'))
    out.push({
      '@odata.type': '#microsoft.graph.windowsHelloForBusinessAuthenticationMethod',
      id: stableId(user.id, 'whfb'),
      displayName: 'Mock PC',
      keyStrength: 'normal',
    });
  const passkeys = passkeysOf(store, user.id);
  if (has('fido2') && passkeys.length === 0)
    out.push({
      '@odata.type': '#microsoft.graph.fido2AuthenticationMethod',
      id: stableId(user.id, 'fido2'),
      displayName: 'Security key (fixture)',
      aaGuid: '00000000-0000-0000-0000-000000000000',
      model: null,
    });
  for (const p of passkeys)
    out.push({
      '@odata.type': '#microsoft.graph.fido2AuthenticationMethod',
      id: stableId(user.id, `fido2:${p.id}`),
      displayName: p.displayName,
      aaGuid: p.aaguid,
      createdDateTime: p.createdDateTime,
    });
  const tap = temporaryAccessPassOf(store, user.id);
  if (tap) out.push(temporaryAccessPassResource(tap, now));
  return out;
}

export function temporaryAccessPassResource(
  tap: NonNullable<ReturnType<typeof temporaryAccessPassOf>>,
  now: number,
  pass?: string,
): Record<string, unknown> {
  const isUsable = isTemporaryAccessPassUsable(tap, now);
  return {
    '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethod',
    id: tap.id,
    temporaryAccessPass: pass ?? null,
    createdDateTime: tap.createdDateTime,
    startDateTime: tap.startDateTime,
    lifetimeInMinutes: tap.lifetimeInMinutes,
    isUsableOnce: tap.isUsableOnce,
    isUsable,
    methodUsabilityReason: isUsable
      ? 'EnabledByPolicy'
      : tap.isUsed
        ? 'OneTimePassUsed'
        : Date.parse(tap.startDateTime) > now
          ? 'NotYetValid'
          : 'Expired',
  };
}

// Graph signInPreferences names for the secondary method (userPreferredMethodForSecondaryAuthentication).
const preferenceByMode: Partial<Record<AuthenticationMethodMode, string>> = {
  microsoftAuthenticatorPush: 'push',
  deviceBasedPush: 'push',
  softwareOath: 'oath',
  hardwareOath: 'oath',
  sms: 'sms',
  voice: 'voiceMobile',
  fido2: 'fido2',
  windowsHelloForBusiness: 'unknownFutureValue',
  password: 'unknownFutureValue',
};

export function signInPreferencesOf(store: Store, user: TenantUser): Record<string, unknown> {
  const preferred = defaultSignInMethodOf(store, user);
  return {
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/authentication/signInPreferences',
    isSystemPreferredAuthenticationMethodEnabled: true,
    userPreferredMethodForSecondaryAuthentication: preferenceByMode[preferred] ?? null,
    systemPreferredAuthenticationMethod: preferenceByMode[preferred] ?? null,
  };
}

export const modeForPreference: Record<string, AuthenticationMethodMode> = {
  push: 'microsoftAuthenticatorPush',
  oath: 'softwareOath',
  sms: 'sms',
  voiceMobile: 'voice',
  fido2: 'fido2',
};
