// The tenant document: directory objects plus Conditional Access configuration, Graph property names wherever
// Graph has them (issue 2, "The tenant document"). Unknown fields are allowed everywhere and kept.
import { z } from 'zod';
import { authenticationMethodModeSchema } from './authentication-method-mode';
import { authenticationMethodsPolicySchema, phoneMethodSchema } from './authentication-methods-policy-schema';
import { authenticationStrengthPolicySchema } from './authentication-strength-schema';
import { namedLocationSchema } from './named-location-schema';
import { conditionalAccessPolicySchema } from './policy-schema';

export const appRoleAssignmentSchema = z.looseObject({ appId: z.string().min(1), value: z.string().min(1) });

export const tenantUserSchema = z.looseObject({
  id: z.string().min(1),
  userPrincipalName: z.string().min(1),
  displayName: z.string(),
  userType: z.enum(['Member', 'Guest']).default('Member'),
  memberOf: z.array(z.string()).default([]),
  /** Directory role template ids (Conditional Access targets built-in roles by template id). */
  roles: z.array(z.string()).default([]),
  /** Registered authentication method modes. */
  authenticationMethods: z.array(authenticationMethodModeSchema).default([]),
  defaultSignInMethod: authenticationMethodModeSchema.nullish(),
  /**
   * Registered phones (Graph phoneAuthenticationMethod). When present they decide SMS and voice: a `mobile` phone
   * gives SMS and voice, `alternateMobile` and `office` voice only (concept-authentication-phone-options).
   */
  phoneMethods: z.array(phoneMethodSchema).nullish(),
  mobilePhone: z.string().nullish(),
  otherMails: z.array(z.string()).nullish(),
  appRoleAssignments: z.array(appRoleAssignmentSchema).nullish(),
  accountEnabled: z.boolean().nullish(),
});

export const tenantGroupSchema = z.looseObject({
  id: z.string().min(1),
  displayName: z.string(),
  /** User or group ids: groups nest. */
  members: z.array(z.string()).default([]),
});

export const tenantApplicationSchema = z.looseObject({
  appId: z.string().min(1),
  displayName: z.string(),
  appRoles: z
    .array(z.looseObject({ id: z.string().optional(), value: z.string().nullish(), displayName: z.string().nullish() }))
    .default([]),
});

export const tenantSchema = z.looseObject({
  tenantId: z.string().min(1),
  domain: z.string().min(1),
  users: z.array(tenantUserSchema).default([]),
  groups: z.array(tenantGroupSchema).default([]),
  applications: z.array(tenantApplicationSchema).default([]),
  namedLocations: z.array(namedLocationSchema).default([]),
  authenticationStrengthPolicies: z.array(authenticationStrengthPolicySchema).default([]),
  conditionalAccessPolicies: z.array(conditionalAccessPolicySchema).default([]),
  /** Graph GET /policies/authenticationMethodsPolicy; absent = every registered method may be used. */
  authenticationMethodsPolicy: authenticationMethodsPolicySchema.nullish(),
});

export type Tenant = z.infer<typeof tenantSchema>;
export type TenantUser = z.infer<typeof tenantUserSchema>;
export type TenantGroup = z.infer<typeof tenantGroupSchema>;
export type TenantApplication = z.infer<typeof tenantApplicationSchema>;
