// One policy precompiled for evaluation: who it targets as a per-user byte array (exclusion already applied),
// lookup sets for every other condition, the parsed device filter and the grant requirements.
import { engineText, english } from './engine-text';
import type { ResolvedStrength } from './authentication-strength-match';
import type { CompiledPolicy } from './compiled-model';
import { compileGrant } from './compile-grant';
import { parseDeviceFilterRule } from './device-filter-rule';
import { forEachTransitiveMember, type GroupGraph } from './group-membership';
import type { IdLookup } from './id-index';
import { microsoftAdminPortalIds, office365ApplicationIds } from './office365-applications';
import type { ConditionalAccessPolicy } from './policy-schema';
import { isRecord } from '../is-record';
import { fillEveryRow, setUserScope, userExcluded, userIncluded, type UserScopeMatrix } from './user-scope-matrix';

export type UserTargetingInput = {
  userCount: number;
  /** The tenant's application ids, in index order. */
  applicationIds: readonly string[];
  /** User targeting of every policy (user-scope-matrix.ts). */
  scopes: UserScopeMatrix;
  policyCount: number;
  guestKinds: readonly string[]; // per user: '' for members, else a guestOrExternalUserTypes value
  /** Indices of the users whose guestKind is not '' (a guest condition reads these, not every user). */
  guestUsers: Int32Array;
  usersByRole: ReadonlyMap<string, readonly number[]>;
  userIndexById: IdLookup;
  groupGraph: GroupGraph;
  groupIndexById: ReadonlyMap<string, number>;
};

function expandApplications(ids: readonly string[]): Set<string> {
  const expanded = new Set(ids);
  if (expanded.has('Office365')) for (const id of office365ApplicationIds) expanded.add(id);
  if (expanded.has('MicrosoftAdminPortals')) for (const id of microsoftAdminPortalIds) expanded.add(id);
  return expanded;
}

function compileLocations(include: readonly string[], exclude: readonly string[]): CompiledPolicy['locations'] {
  if (include.length === 0 && exclude.length === 0) return null;
  const effective = include.length > 0 ? include : ['All'];
  const named = (ids: readonly string[]) => new Set(ids.filter((id) => id !== 'All' && id !== 'AllTrusted'));
  return {
    include: effective,
    exclude,
    includesAll: effective.includes('All'),
    includesTrusted: effective.includes('AllTrusted'),
    excludesAll: exclude.includes('All'),
    excludesTrusted: exclude.includes('AllTrusted'),
    includeIds: named(effective),
    excludeIds: named(exclude),
  };
}

const setOrNull = <T>(values: readonly T[] | null | undefined): ReadonlySet<T> | null =>
  values && values.length > 0 ? new Set(values) : null;
const splitFlags = (value: string | null | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0 && part !== 'none');

function hasGuestMatch(types: ReadonlySet<string>, guestKind: string): boolean {
  // Entra's guest categories: a B2B guest (#EXT# UPN, userType Guest) is b2bCollaborationGuest, a local
  // userType Guest is internalGuest, an #EXT# member is b2bCollaborationMember (concept-conditional-access-users-groups).
  return guestKind !== '' && types.has(guestKind);
}

/**
 * Writes every "All users" inclusion of a policy set at once, one row per user from a template: writing them
 * policy by policy touches a different cache line per user and policy (200 million scattered writes for a million
 * users and 200 such policies), a row copy writes each user's bytes in one run. compilePolicy is then told the
 * inclusions are written (`allUsersPrewritten`) and applies the rest (exclusions always after inclusions).
 */
export function writeAllUsersInclusions(policies: readonly ConditionalAccessPolicy[], input: UserTargetingInput): void {
  const template = new Array<number>(input.policyCount).fill(0);
  let hasAny = false;
  policies.forEach((policy, i) => {
    if ((policy.conditions?.users?.includeUsers ?? []).includes('All')) {
      template[i] = userIncluded;
      hasAny = true;
    }
  });
  if (!hasAny || input.userCount === 0) return;
  fillEveryRow(input.scopes, template);
}

function writeUserScope(
  policy: ConditionalAccessPolicy,
  index: number,
  input: UserTargetingInput,
  allUsersPrewritten: boolean,
): void {
  const { scopes } = input;
  const users = policy.conditions?.users;
  if (!users) return;
  const includeUsers = users.includeUsers ?? [];
  const mark = (
    value: number,
    ids: readonly string[],
    groups: readonly string[],
    roles: readonly string[],
    guestTypes: ReadonlySet<string>,
    allGuests: boolean,
  ): void => {
    for (const id of ids) {
      const u = input.userIndexById.get(id);
      if (u !== undefined) setUserScope(scopes, u, index, value);
    }
    const groupIndices = groups.map((g) => input.groupIndexById.get(g)).filter((g): g is number => g !== undefined);
    if (groupIndices.length > 0)
      forEachTransitiveMember(input.groupGraph, groupIndices, (u) => setUserScope(scopes, u, index, value));
    for (const role of roles) for (const u of input.usersByRole.get(role) ?? []) setUserScope(scopes, u, index, value);
    if (guestTypes.size > 0 || allGuests) {
      for (const u of input.guestUsers) {
        const kind = input.guestKinds[u] ?? '';
        if (kind !== '' && (allGuests || hasGuestMatch(guestTypes, kind))) setUserScope(scopes, u, index, value);
      }
    }
  };
  if (includeUsers.includes('All')) {
    if (!allUsersPrewritten) for (let u = 0; u < input.userCount; u++) setUserScope(scopes, u, index, userIncluded);
  } else if (!includeUsers.includes('None')) {
    mark(
      userIncluded,
      includeUsers,
      users.includeGroups ?? [],
      users.includeRoles ?? [],
      new Set(splitFlags(users.includeGuestsOrExternalUsers?.guestOrExternalUserTypes)),
      includeUsers.includes('GuestsOrExternalUsers'),
    );
  }
  // Exclusion is applied last: "The exclude action overrides the include action" (concept-conditional-access-users-groups).
  mark(
    userExcluded,
    users.excludeUsers ?? [],
    users.excludeGroups ?? [],
    users.excludeRoles ?? [],
    new Set(splitFlags(users.excludeGuestsOrExternalUsers?.guestOrExternalUserTypes)),
    (users.excludeUsers ?? []).includes('GuestsOrExternalUsers'),
  );
}

// The conditions the engine evaluates (each has a check in condition-checks.ts or is user targeting).
const evaluatedConditionKeys = new Set([
  'users',
  'applications',
  'clientApplications',
  'locations',
  'platforms',
  'devices',
  'clientAppTypes',
  'signInRiskLevels',
  'userRiskLevels',
  'servicePrincipalRiskLevels',
  'insiderRiskLevels',
  'authenticationFlows',
]);
// Agent conditions: the scope of agent-only policies, which are outside user sign-in scope anyway.
const agentConditionKeys = new Set(['agents', 'agentContext', 'agentIdRiskLevels']);
// Graph's whatIfAnalysisReasons word for a condition where it has one (Graph: whatifanalysisreasons has `time`).
const reasonWordOf: Record<string, string> = { times: 'time' };

/** A JSON value that configures something: not null, not empty, not only OData annotations. */
function isConfigured(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') {
    return Object.entries(value).some(([key, inner]) => !key.includes('@odata') && isConfigured(inner));
  }
  return true;
}

function unevaluatedConditionsOf(policy: ConditionalAccessPolicy, targetsAgentsOnly: boolean): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(policy.conditions ?? {})) {
    if (key.includes('@odata') || evaluatedConditionKeys.has(key)) continue;
    if (targetsAgentsOnly && agentConditionKeys.has(key)) continue;
    // `includeAllTimes: true` alone is "any time", i.e. not configured.
    if (key === 'times' && isAnyTime(value)) continue;
    if (isConfigured(value)) out.push(reasonWordOf[key] ?? key);
  }
  return out;
}

function isAnyTime(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const { includeAllTimes, ...rest } = value;
  return includeAllTimes === true && !isConfigured(rest);
}

/**
 * Agent identities only (Entra Agent ID preview): no user, group, role or guest type is included, and agent
 * service principals or agent users are. Such a policy "targets no one" among users by design.
 */
function targetsAgentIdentitiesOnly(policy: ConditionalAccessPolicy): boolean {
  const c = policy.conditions;
  const users = c?.users;
  const includesUsers =
    (users?.includeUsers ?? []).some((id) => id !== 'None') ||
    (users?.includeGroups ?? []).length > 0 ||
    (users?.includeRoles ?? []).length > 0 ||
    isConfigured(users?.includeGuestsOrExternalUsers);
  const includesAgents =
    (c?.clientApplications?.includeAgentIdServicePrincipals ?? []).length > 0 ||
    (c?.agents?.includeAgentUsers ?? []).length > 0 ||
    isConfigured(c?.clientApplications?.agentIdServicePrincipalFilter) ||
    isConfigured(c?.agents?.agentFilter);
  return includesAgents && !includesUsers;
}

export function compilePolicy(
  policy: ConditionalAccessPolicy,
  index: number,
  input: UserTargetingInput,
  strengths: ReadonlyMap<string, ResolvedStrength>,
  allUsersPrewritten = false,
): CompiledPolicy {
  writeUserScope(policy, index, input, allUsersPrewritten);
  const conditions = policy.conditions;
  const apps = conditions?.applications;
  const includeExpanded = expandApplications(apps?.includeApplications ?? []);
  const excludeExpanded = expandApplications(apps?.excludeApplications ?? []);
  const includesAll = includeExpanded.has('All');
  const targetedByAppIndex = Uint8Array.from(input.applicationIds, (id) =>
    (includesAll || includeExpanded.has(id)) && !excludeExpanded.has(id) ? 1 : 0,
  );
  const { grant, invalidReason: grantInvalid, invalidReasonText: grantInvalidText } = compileGrant(policy, strengths);
  let invalidReason = grantInvalid;
  let invalidReasonText = grantInvalidText;
  let deviceFilter: CompiledPolicy['deviceFilter'] = null;
  const filter = conditions?.devices?.deviceFilter;
  if (filter) {
    try {
      deviceFilter = { mode: filter.mode, rule: parseDeviceFilterRule(filter.rule), text: filter.rule };
    } catch (error) {
      invalidReasonText = engineText('invalid.deviceFilter', {
        error: error instanceof Error ? error.message : String(error),
      });
      invalidReason = english(invalidReasonText);
    }
  }
  const deviceStates = conditions?.devices?.excludeDevices ?? conditions?.devices?.excludeDeviceStates;
  const includeLocations = conditions?.locations?.includeLocations ?? [];
  const excludeLocations = conditions?.locations?.excludeLocations ?? [];
  const platforms = conditions?.platforms;
  const clientApps = conditions?.clientAppTypes;
  const session = policy.sessionControls ?? null;
  const hasSession = !!session && Object.values(session).some((v) => v !== null && v !== undefined && v !== false);
  const sp = conditions?.clientApplications;
  const spInclude = sp?.includeServicePrincipals ?? [];
  const isAgentOnly = targetsAgentIdentitiesOnly(policy);
  return {
    index,
    id: policy.id,
    displayName: policy.displayName,
    state: policy.state,
    source: policy,
    servicePrincipals:
      sp && spInclude.length > 0
        ? {
            includeAll: spInclude.includes('ServicePrincipalsInMyTenant'),
            include: new Set(spInclude),
            exclude: new Set(sp.excludeServicePrincipals ?? []),
          }
        : null,
    applications: {
      hasApplicationTargets: (apps?.includeApplications ?? []).length > 0,
      include: new Set(apps?.includeApplications ?? []),
      exclude: new Set(apps?.excludeApplications ?? []),
      includesAll,
      includeExpanded,
      excludeExpanded,
      targetedByAppIndex,
      userActions: new Set((apps?.includeUserActions ?? []).map((a) => a.toLowerCase())),
      authenticationContexts: new Set(apps?.includeAuthenticationContextClassReferences ?? []),
      filterMode: apps?.applicationFilter?.mode ?? null,
    },
    locations: compileLocations(includeLocations, excludeLocations),
    platforms:
      platforms && ((platforms.includePlatforms ?? []).length > 0 || (platforms.excludePlatforms ?? []).length > 0)
        ? {
            include: new Set(platforms.includePlatforms ?? ['all']),
            exclude: new Set(platforms.excludePlatforms ?? []),
          }
        : null,
    // Not configured, or "all": every client app type (concept-conditional-access-conditions, "Client apps").
    clientAppTypes: clientApps && clientApps.length > 0 && !clientApps.includes('all') ? new Set(clientApps) : null,
    signInRiskLevels: setOrNull(conditions?.signInRiskLevels),
    userRiskLevels: setOrNull(conditions?.userRiskLevels),
    servicePrincipalRiskLevels: setOrNull(conditions?.servicePrincipalRiskLevels),
    insiderRiskLevels: setOrNull(splitFlags(conditions?.insiderRiskLevels)),
    deviceFilter,
    excludedDeviceStates: setOrNull(deviceStates?.map((s) => s.toLowerCase())),
    transferMethods: setOrNull(splitFlags(conditions?.authenticationFlows?.transferMethods)),
    grant,
    session,
    unevaluatedConditions: unevaluatedConditionsOf(policy, isAgentOnly),
    targetsAgentIdentitiesOnly: isAgentOnly,
    invalidReason,
    invalidReasonText,
    isEmpty: !grant.isBlock && grant.requirements.length === 0 && !hasSession,
    requestChecks: { application: [], userAction: [], authContext: [] },
    explanations: null,
  };
}
