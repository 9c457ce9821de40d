// Graph conditionalAccessPolicy as returned by GET /identity/conditionalAccess/policies
// (Graph: conditionalaccesspolicy; concept-conditional-access-policies). Every object is loose: unknown future
// fields are kept and ignored; every condition may be null or absent (= not configured).
import { z } from 'zod';
import { isOneOf } from '../is-one-of';
import { authenticationStrengthPolicySchema } from './authentication-strength-schema';
import { deviceFilterRuleError } from './device-filter-rule';

const ids = z.array(z.string()).nullish();

export const riskLevelSchema = z.enum(['low', 'medium', 'high', 'hidden', 'none', 'unknownFutureValue']);
export const devicePlatformSchema = z.enum([
  'android',
  'iOS',
  'windows',
  'windowsPhone',
  'macOS',
  'linux',
  'all',
  'unknownFutureValue',
]);
export const clientAppTypeSchema = z.enum([
  'all',
  'browser',
  'mobileAppsAndDesktopClients',
  'exchangeActiveSync',
  'easSupported',
  'other',
  'unknownFutureValue',
]);
export const builtInControlSchema = z.enum([
  'block',
  'mfa',
  'compliantDevice',
  'domainJoinedDevice',
  'approvedApplication',
  'compliantApplication',
  'passwordChange',
  'riskRemediation',
  'unknownFutureValue',
]);
export type BuiltInControl = z.infer<typeof builtInControlSchema>;

/**
 * The values the policy editor offers (app/admin/simulator/_components/policy-editor.tsx), in its order, each
 * checked against the schema above. Left out: Graph's placeholders (`unknownFutureValue`, `hidden`), values the
 * editor sets elsewhere (`block` is its own switch) or that Entra only sets itself (`riskRemediation`,
 * `easSupported`). The user actions are the two Entra defines (compiled-model.ts).
 */
export const editableValues = {
  platforms: ['all', 'android', 'iOS', 'windows', 'macOS', 'linux', 'windowsPhone'],
  clientAppTypes: ['all', 'browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'other'],
  riskLevels: ['high', 'medium', 'low', 'none'],
  grantControls: [
    'mfa',
    'compliantDevice',
    'domainJoinedDevice',
    'approvedApplication',
    'compliantApplication',
    'passwordChange',
  ],
  userActions: ['urn:user:registersecurityinfo', 'urn:user:registerdevice'],
} as const satisfies {
  platforms: readonly z.infer<typeof devicePlatformSchema>[];
  clientAppTypes: readonly z.infer<typeof clientAppTypeSchema>[];
  riskLevels: readonly z.infer<typeof riskLevelSchema>[];
  grantControls: readonly BuiltInControl[];
  userActions: readonly string[];
};

export const guestOrExternalUserTypeNames = [
  'none',
  'internalGuest',
  'b2bCollaborationGuest',
  'b2bCollaborationMember',
  'b2bDirectConnectUser',
  'otherExternalUser',
  'serviceProvider',
  'unknownFutureValue',
] as const;

const guestsOrExternalUsersSchema = z.looseObject({
  // A flags enum serialised as a comma-joined string, e.g. "internalGuest,b2bCollaborationGuest".
  guestOrExternalUserTypes: z.string().superRefine((value, ctx) => {
    for (const part of value.split(',').map((p) => p.trim())) {
      if (!isOneOf(guestOrExternalUserTypeNames, part)) {
        ctx.addIssue({ code: 'custom', message: `"${part}" is not a guestOrExternalUserTypes value` });
      }
    }
  }),
  externalTenants: z.looseObject({ membershipKind: z.string().nullish(), members: ids }).nullish(),
});

const filterSchema = z.looseObject({ mode: z.enum(['include', 'exclude']), rule: z.string().max(3072) });
// Device filter rules are parsed at load time so a typo is reported with its JSON path, not at sign-in.
const deviceFilterSchema = z.looseObject({
  mode: z.enum(['include', 'exclude']),
  rule: z
    .string()
    .max(3072, 'is longer than the 3072 characters Entra allows')
    .superRefine((rule, ctx) => {
      const error = deviceFilterRuleError(rule);
      if (error) ctx.addIssue({ code: 'custom', message: `is not a supported device filter rule: ${error}` });
    }),
});

export const conditionsSchema = z.looseObject({
  users: z
    .looseObject({
      includeUsers: ids,
      excludeUsers: ids,
      includeGroups: ids,
      excludeGroups: ids,
      includeRoles: ids,
      excludeRoles: ids,
      includeGuestsOrExternalUsers: guestsOrExternalUsersSchema.nullish(),
      excludeGuestsOrExternalUsers: guestsOrExternalUsersSchema.nullish(),
    })
    .nullish(),
  applications: z
    .looseObject({
      includeApplications: ids,
      excludeApplications: ids,
      includeUserActions: ids,
      includeAuthenticationContextClassReferences: ids,
      applicationFilter: filterSchema.nullish(),
    })
    .nullish(),
  clientApplications: z
    .looseObject({
      includeServicePrincipals: ids,
      excludeServicePrincipals: ids,
      // Agent identities (Entra Agent ID, preview; Graph beta: conditionalaccessclientapplications): parsed so such
      // policies load and are reported as outside user sign-in scope; the engine does not evaluate agent sign-ins.
      includeAgentIdServicePrincipals: ids,
      excludeAgentIdServicePrincipals: ids,
      agentIdServicePrincipalFilter: filterSchema.nullish(),
    })
    .nullish(),
  // Agent users (Graph beta conditionalAccessAgents) and agent risk ("medium,high", a flags string).
  agents: z
    .looseObject({ includeAgentUsers: ids, excludeAgentUsers: ids, agentFilter: filterSchema.nullish() })
    .nullish(),
  agentIdRiskLevels: z.string().nullish(),
  // Not evaluated by the engine (README, "Conditions not evaluated"): kept, reported in every result, linted.
  times: z.looseObject({}).nullish(),
  locations: z.looseObject({ includeLocations: ids, excludeLocations: ids }).nullish(),
  platforms: z
    .looseObject({
      includePlatforms: z.array(devicePlatformSchema).nullish(),
      excludePlatforms: z.array(devicePlatformSchema).nullish(),
    })
    .nullish(),
  devices: z
    .looseObject({
      includeDevices: ids,
      excludeDevices: ids,
      includeDeviceStates: ids,
      excludeDeviceStates: ids,
      deviceFilter: deviceFilterSchema.nullish(),
    })
    .nullish(),
  clientAppTypes: z.array(clientAppTypeSchema).nullish(),
  signInRiskLevels: z.array(riskLevelSchema).nullish(),
  userRiskLevels: z.array(riskLevelSchema).nullish(),
  servicePrincipalRiskLevels: z.array(riskLevelSchema).nullish(),
  insiderRiskLevels: z.string().nullish(),
  authenticationFlows: z.looseObject({ transferMethods: z.string().nullish() }).nullish(),
});

export const grantControlsSchema = z.looseObject({
  operator: z.enum(['AND', 'OR']).nullish(),
  builtInControls: z.array(builtInControlSchema).nullish(),
  customAuthenticationFactors: ids,
  termsOfUse: ids,
  // On create just {"id": ...}; on read the expanded object (Graph: conditionalaccessgrantcontrols).
  authenticationStrength: z
    .union([authenticationStrengthPolicySchema, z.looseObject({ id: z.string().min(1) })])
    .nullish(),
});

export const sessionControlsSchema = z.looseObject({
  signInFrequency: z
    .looseObject({
      isEnabled: z.boolean().nullish(),
      value: z.number().int().nullish(),
      type: z.enum(['hours', 'days']).nullish(),
      frequencyInterval: z.enum(['timeBased', 'everyTime', 'unknownFutureValue']).nullish(),
      authenticationType: z.string().nullish(),
    })
    .nullish(),
  persistentBrowser: z
    .looseObject({ isEnabled: z.boolean().nullish(), mode: z.enum(['always', 'never']).nullish() })
    .nullish(),
  applicationEnforcedRestrictions: z.looseObject({ isEnabled: z.boolean().nullish() }).nullish(),
  cloudAppSecurity: z.looseObject({ isEnabled: z.boolean().nullish() }).nullish(),
  disableResilienceDefaults: z.boolean().nullish(),
});

export const conditionalAccessPolicySchema = z.looseObject({
  id: z.string().min(1),
  displayName: z.string(),
  state: z.enum(['enabled', 'disabled', 'enabledForReportingButNotEnforced']),
  conditions: conditionsSchema.nullish(),
  grantControls: grantControlsSchema.nullish(),
  sessionControls: sessionControlsSchema.nullish(),
});

export type ConditionalAccessPolicy = z.infer<typeof conditionalAccessPolicySchema>;
export type PolicyConditions = z.infer<typeof conditionsSchema>;
export type GrantControls = z.infer<typeof grantControlsSchema>;
export type SessionControls = z.infer<typeof sessionControlsSchema>;
export type PolicyState = ConditionalAccessPolicy['state'];
