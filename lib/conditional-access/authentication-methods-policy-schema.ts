// Graph authenticationMethodsPolicy (GET /policies/authenticationMethodsPolicy; Graph: authenticationmethodspolicy,
// authenticationmethodconfiguration and its per-method types): which methods a user may use, whatever they
// registered. Loose objects: unknown fields and future method configurations are kept.
import { z } from 'zod';

const targetSchema = z.looseObject({
  '@odata.type': z.string().nullish(),
  // "user" is deprecated but existing targets remain (Graph beta: authenticationmethodtarget).
  targetType: z.enum(['group', 'user', 'unknownFutureValue']).nullish(),
  /** A group or user object id, or "all_users". */
  id: z.string().min(1),
  isRegistrationRequired: z.boolean().nullish(),
  // microsoftAuthenticatorAuthenticationMethodTarget: "any, deviceBasedPush (passwordless only), push".
  // Exactly Graph's members (v1.0 CSDL has no unknownFutureValue here; graph-schema.test.ts referees it).
  authenticationMode: z.enum(['any', 'deviceBasedPush', 'push']).nullish(),
  // smsAuthenticationMethodTarget: whether the number may be used for SMS sign-in (first factor).
  isUsableForSignIn: z.boolean().nullish(),
});

export const authenticationMethodConfigurationSchema = z.looseObject({
  '@odata.type': z.string().nullish(),
  /** The method: MicrosoftAuthenticator, Sms, Voice, Fido2, SoftwareOath, HardwareOath, TemporaryAccessPass, ... */
  id: z.string().min(1),
  state: z.enum(['enabled', 'disabled']),
  includeTargets: z.array(targetSchema).nullish(),
  excludeTargets: z.array(z.looseObject({ targetType: z.string().nullish(), id: z.string().min(1) })).nullish(),
  // voiceAuthenticationMethodConfiguration: "true if users can register office phones" (and use them for voice).
  isOfficePhoneAllowed: z.boolean().nullish(),
});

export const authenticationMethodsPolicySchema = z.looseObject({
  '@odata.context': z.string().nullish(),
  id: z.string().nullish(),
  displayName: z.string().nullish(),
  authenticationMethodConfigurations: z.array(authenticationMethodConfigurationSchema).default([]),
});

// Graph phoneAuthenticationMethod.phoneType: "mobile", "alternateMobile" or "office".
export const phoneMethodSchema = z.looseObject({
  id: z.string().nullish(),
  phoneNumber: z.string().nullish(),
  phoneType: z.enum(['mobile', 'alternateMobile', 'office', 'unknownFutureValue']),
  smsSignInState: z.string().nullish(),
});

export type AuthenticationMethodsPolicy = z.infer<typeof authenticationMethodsPolicySchema>;
export type AuthenticationMethodConfiguration = z.infer<typeof authenticationMethodConfigurationSchema>;
export type PhoneMethod = z.infer<typeof phoneMethodSchema>;
