// Body of Graph's POST /identity/conditionalAccess/evaluate (Graph: conditionalaccessroot-evaluate,
// signinidentity, signincontext, signinconditions, deviceinfo). Defaults follow Graph: clientAppType and
// devicePlatform default to "all", risk levels to "none".
import { z } from 'zod';
import { parseIpAddress } from './ip-address';
import { clientAppTypeSchema, devicePlatformSchema, riskLevelSchema } from './policy-schema';

export const userSignInSchema = z.looseObject({
  '@odata.type': z.literal('#microsoft.graph.userSignIn').optional(),
  /** Object id or, as an extension, a userPrincipalName. */
  userId: z.string().min(1),
  externalTenantId: z.string().nullish(),
  externalUserType: z.string().nullish(),
});

export const servicePrincipalSignInSchema = z.looseObject({
  '@odata.type': z.literal('#microsoft.graph.servicePrincipalSignIn'),
  servicePrincipalId: z.string().min(1),
});

export const applicationContextSchema = z.looseObject({
  '@odata.type': z.literal('#microsoft.graph.applicationContext'),
  includeApplications: z.array(z.string().min(1)).min(1),
});
export const userActionContextSchema = z.looseObject({
  '@odata.type': z.literal('#microsoft.graph.userActionContext'),
  userAction: z.enum(['registerSecurityInformation', 'registerOrJoinDevices', 'unknownFutureValue']),
});
export const authContextSchema = z.looseObject({
  '@odata.type': z.literal('#microsoft.graph.authContext'),
  authenticationContextValue: z.string().regex(/^c([1-9]|[1-9]\d)$/, 'must be an authentication context c1..c99'),
});

export const deviceInfoSchema = z.looseObject({
  deviceId: z.string().nullish(),
  displayName: z.string().nullish(),
  isCompliant: z.boolean().nullish(),
  trustType: z.string().nullish(),
  operatingSystem: z.string().nullish(),
  operatingSystemVersion: z.string().nullish(),
  model: z.string().nullish(),
  manufacturer: z.string().nullish(),
  mdmAppId: z.string().nullish(),
  profileType: z.string().nullish(),
  ownership: z.string().nullish(),
  enrollmentProfileName: z.string().nullish(),
  physicalIds: z.array(z.string()).nullish(),
  systemLabels: z.array(z.string()).nullish(),
});

export const signInConditionsSchema = z.looseObject({
  devicePlatform: devicePlatformSchema.nullish(),
  clientAppType: clientAppTypeSchema.nullish(),
  signInRiskLevel: riskLevelSchema.nullish(),
  userRiskLevel: riskLevelSchema.nullish(),
  servicePrincipalRiskLevel: riskLevelSchema.nullish(),
  insiderRiskLevel: z.enum(['none', 'minor', 'moderate', 'elevated', 'unknownFutureValue']).nullish(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code')
    .nullish(),
  ipAddress: z
    .string()
    .refine((value) => parseIpAddress(value) !== null, { message: 'is not an IPv4 or IPv6 address' })
    .nullish(),
  authenticationFlow: z
    .looseObject({ transferMethod: z.enum(['none', 'deviceCodeFlow', 'authenticationTransfer', 'unknownFutureValue']) })
    .nullish(),
  deviceInfo: deviceInfoSchema.nullish(),
  /**
   * Verity extension (Graph's signInConditions has no such field): the sign-in comes through the tenant's Global
   * Secure Access compliant network, so a compliantNetworkNamedLocation matches it (how-to-compliant-network).
   */
  isCompliantNetwork: z.boolean().nullish(),
});

export const whatIfRequestSchema = z.looseObject({
  // Graph requires it; optional here so blast radius can take the same request body without a user.
  signInIdentity: z.union([servicePrincipalSignInSchema, userSignInSchema]).optional(),
  signInContext: z.discriminatedUnion('@odata.type', [
    applicationContextSchema,
    userActionContextSchema,
    authContextSchema,
  ]),
  signInConditions: signInConditionsSchema.default({}),
  appliedPoliciesOnly: z.boolean().nullish(),
});

export type WhatIfRequest = z.infer<typeof whatIfRequestSchema>;
export type SignInConditions = z.infer<typeof signInConditionsSchema>;
export type DeviceInfo = z.infer<typeof deviceInfoSchema>;
/** A What-If request without the identity, for blast radius over every user. */
export type WhatIfRequestWithoutUser = {
  signInContext: WhatIfRequest['signInContext'];
  signInConditions?: SignInConditions | null;
  appliedPoliciesOnly?: boolean | null;
};
