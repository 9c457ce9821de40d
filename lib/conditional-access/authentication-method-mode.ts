// Graph's authenticationMethodModes: the vocabulary of sign-in flows, strengths and registered methods.
// (Graph: authenticationmethodmodes; concept-authentication-methods; troubleshoot-authentication-strengths)
import { z } from 'zod';
import { isOneOf } from '../is-one-of';

export const authenticationMethodModes = [
  'password',
  'voice',
  'hardwareOath',
  'softwareOath',
  'sms',
  'fido2',
  'windowsHelloForBusiness',
  'microsoftAuthenticatorPush',
  'deviceBasedPush',
  'temporaryAccessPassOneTime',
  'temporaryAccessPassMultiUse',
  'email',
  'x509CertificateSingleFactor',
  'x509CertificateMultiFactor',
  'federatedSingleFactor',
  'federatedMultiFactor',
  'qrCodePin',
  'unknownFutureValue',
] as const;

export const authenticationMethodModeSchema = z.enum(authenticationMethodModes);
export type AuthenticationMethodMode = z.infer<typeof authenticationMethodModeSchema>;

/** Methods a user can start a sign-in with (concept-authentication-methods, "Usable first"). */
export const firstFactorModes: ReadonlySet<AuthenticationMethodMode> = new Set<AuthenticationMethodMode>([
  'password',
  'deviceBasedPush',
  'fido2',
  'windowsHelloForBusiness',
  'x509CertificateSingleFactor',
  'x509CertificateMultiFactor',
  'temporaryAccessPassOneTime',
  'temporaryAccessPassMultiUse',
  'sms',
  'federatedSingleFactor',
  'federatedMultiFactor',
  'qrCodePin',
]);

/**
 * Methods Entra offers after a first factor (concept-authentication-methods, "Usable as a second factor").
 * The methods table lists Temporary Access Pass as both primary and secondary (MFA) authentication, so a TAP
 * completes MFA after a password too.
 */
export const secondFactorModes: ReadonlySet<AuthenticationMethodMode> = new Set<AuthenticationMethodMode>([
  'microsoftAuthenticatorPush',
  'temporaryAccessPassOneTime',
  'temporaryAccessPassMultiUse',
  'softwareOath',
  'hardwareOath',
  'sms',
  'voice',
  'fido2',
  'x509CertificateMultiFactor',
]);

/**
 * Authenticator phone sign-in and Windows Hello are never offered after a password: the user must restart
 * and pick "Sign-in options" (troubleshoot-authentication-strengths). FIDO2 can be added, so it is not here.
 */
export const restartOnlyModes: ReadonlySet<AuthenticationMethodMode> = new Set<AuthenticationMethodMode>([
  'deviceBasedPush',
  'windowsHelloForBusiness',
]);

/**
 * Methods a user can register in combined registration interrupt mode when a policy needs them
 * (concept-authentication-strength-how-it-works, "Register passwordless authentication methods"): phone
 * sign-in, Windows Hello, certificates and hardware tokens can't be registered there.
 */
export const interruptRegistrableModes: ReadonlySet<AuthenticationMethodMode> = new Set<AuthenticationMethodMode>([
  'microsoftAuthenticatorPush',
  'softwareOath',
  'sms',
  'voice',
  'fido2',
]);

export function isAuthenticationMethodMode(value: string): value is AuthenticationMethodMode {
  return isOneOf(authenticationMethodModes, value);
}
