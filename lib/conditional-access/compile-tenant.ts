// Precomputes everything evaluation needs, once per tenant (and per policy-set override): user lookup by id
// and by UPN (case-insensitive), transitive group membership, per-policy user targeting, parsed CIDRs and
// device filter rules, and authentication strengths resolved (built-ins + custom + expanded in policies).
import { resolveStrength, type ResolvedStrength } from './authentication-strength-match';
import { expandedStrengthOf, type AuthenticationStrengthPolicy } from './authentication-strength-schema';
import { builtInAuthenticationStrengths } from './built-in-authentication-strengths';
import { compilePolicy, writeAllUsersInclusions, type UserTargetingInput } from './compile-policy';
import type { CompiledNamedLocation, CompiledPolicy, CompiledTenant, CompiledUser } from './compiled-model';
import { requestChecksFor } from './condition-checks';
import { isApplicationIndexTargeted } from './conditions/application-conditions';
import { buildPolicyExplanations } from './policy-explanations';
import { ancestorGroups, buildGroupGraph } from './group-membership';
import { parseCidr, type CidrRange } from './ip-address';
import type { AuthenticationMethodsPolicy } from './authentication-methods-policy-schema';
import { createIdIndex, lazyIdIndex } from './id-index';
import {
  methodAvailability,
  type MethodAvailability,
  type MethodAvailabilityInput,
  type SharedAvailabilities,
} from './method-availability';
import {
  isCompliantNetworkNamedLocation,
  isCountryNamedLocation,
  isIpNamedLocation,
  type NamedLocation,
} from './named-location-schema';
import type { ConditionalAccessPolicy } from './policy-schema';
import type { Tenant, TenantUser } from './tenant-schema';
import { createUserScopeMatrix } from './user-scope-matrix';

export type TenantOverrides = {
  /** Replaces the tenant document's authentication methods policy (null: none, every method allowed). */
  authenticationMethodsPolicy?: AuthenticationMethodsPolicy | null;
  /** YYYY-MM-DD: known method retirements effective by then apply (method-availability.ts). */
  asOf?: string | null;
  policies?: readonly ConditionalAccessPolicy[];
  namedLocations?: readonly NamedLocation[];
  authenticationStrengthPolicies?: readonly AuthenticationStrengthPolicy[];
};

const externalMarker = /#EXT#/i;

function guestKindOf(user: TenantUser): string {
  // A test, not toUpperCase().includes(): no copy of a million UPNs.
  const isExternal = externalMarker.test(user.userPrincipalName);
  if (user.userType === undefined) return isExternal ? 'b2bCollaborationMember' : '';
  if (user.userType === 'Guest') return isExternal ? 'b2bCollaborationGuest' : 'internalGuest';
  return isExternal ? 'b2bCollaborationMember' : '';
}

function compileNamedLocation(location: NamedLocation): CompiledNamedLocation {
  const noRanges: CidrRange[] = [];
  const noCountries: ReadonlySet<string> = new Set<string>();
  const base = {
    id: location.id,
    displayName: location.displayName,
    ranges: noRanges,
    countries: noCountries,
    includeUnknownCountries: false,
    source: location,
  };
  if (isIpNamedLocation(location))
    return {
      ...base,
      kind: 'ip',
      isTrusted: location.isTrusted === true,
      ranges: location.ipRanges.map((r) => parseCidr(r.cidrAddress)).filter((r): r is CidrRange => r !== null),
    };
  if (isCountryNamedLocation(location))
    return {
      ...base,
      kind: 'country',
      // Country locations can't be marked trusted (location-condition).
      isTrusted: false,
      countries: new Set(location.countriesAndRegions.map((c) => c.toUpperCase())),
      includeUnknownCountries: location.includeUnknownCountriesAndRegions === true,
    };
  if (isCompliantNetworkNamedLocation(location))
    // Matched when the request says the sign-in comes through the tenant's Global Secure Access compliant network
    // (how-to-compliant-network); `isTrusted` is honoured like an IP location's (README, documented choices).
    return { ...base, kind: 'compliantNetwork', isTrusted: location.isTrusted === true };
  // A type the engine does not know: never matched; policies naming it are "not fully evaluated".
  return { ...base, kind: 'unknown', isTrusted: false };
}

/**
 * One policy compiled against the tenant: user targeting written into `targeting.scopes` (its column), the other
 * conditions, the request checks and the explanations. Used for every policy by compileTenant and for an edited
 * one by replacePolicy (incremental-blast-radius.ts).
 */
export function compilePolicyInTenant(
  policy: ConditionalAccessPolicy,
  index: number,
  targeting: UserTargetingInput,
  strengths: ReadonlyMap<string, ResolvedStrength>,
  applicationNameById: ReadonlyMap<string, string>,
  namedLocationById: ReadonlyMap<string, CompiledNamedLocation>,
  allUsersPrewritten = false,
): CompiledPolicy {
  const compiled = compilePolicy(policy, index, targeting, strengths, allUsersPrewritten);
  // A named location of a type the engine does not know never matches, so the location condition of a policy
  // naming one is not evaluated: say so instead of silently reading it as "not in that location".
  const namesUnknownLocation = [...(compiled.locations?.include ?? []), ...(compiled.locations?.exclude ?? [])].some(
    (id) => namedLocationById.get(id)?.kind === 'unknown',
  );
  if (namesUnknownLocation && !compiled.unevaluatedConditions.includes('location'))
    compiled.unevaluatedConditions = [...compiled.unevaluatedConditions, 'location'];
  compiled.requestChecks = requestChecksFor(compiled);
  compiled.explanations = buildPolicyExplanations(compiled, {
    application: (id) => applicationNameById.get(id) ?? id,
    location: (id) => namedLocationById.get(id)?.displayName ?? id,
  });
  return compiled;
}

/** Writes the policy's column of CompiledTenant.applicationTargets (compileTenant, and replacePolicy after an edit). */
export function writeApplicationTargets(targets: Uint8Array, policy: CompiledPolicy, policyCount: number): void {
  const appCount = policyCount === 0 ? 0 : targets.length / policyCount;
  for (let a = 0; a < appCount; a++)
    targets[a * policyCount + policy.index] = isApplicationIndexTargeted(policy, a) ? 1 : 0;
}

export function compileTenant(tenant: Tenant, overrides: TenantOverrides = {}): CompiledTenant {
  const tenantUsers = tenant.users;
  const userIds = tenantUsers.map((u) => u.id);
  const userIndexById = createIdIndex(userIds.length, (i) => userIds[i] ?? '');
  const { graph, groupIndexById } = buildGroupGraph(tenant.groups ?? [], tenant.users, userIndexById, userIds);
  const groupIds = (tenant.groups ?? []).map((g) => g.id);
  // Built on first use (group-targeted methods policies, groupIdsOf): a million empty arrays up front cost
  // garbage-collection time in every compile.
  let directGroupsOfUserCache: number[][] | null = null;
  const directGroupsOfUser = (): number[][] => {
    if (directGroupsOfUserCache) return directGroupsOfUserCache;
    const built: number[][] = tenant.users.map(() => []);
    graph.directUsers.forEach((members, g) => {
      for (const u of members) built[u]?.push(g);
    });
    directGroupsOfUserCache = built;
    return built;
  };
  const memo = new Map<number, readonly string[]>();
  const groupIdsOf = (userIndex: number): readonly string[] => {
    const cached = memo.get(userIndex);
    if (cached) return cached;
    const all = new Set<number>();
    for (const g of directGroupsOfUser()[userIndex] ?? []) for (const a of ancestorGroups(graph, g)) all.add(a);
    const ids = [...all].map((g) => groupIds[g] ?? '').sort();
    memo.set(userIndex, ids);
    return ids;
  };
  const methodsPolicy =
    overrides.authenticationMethodsPolicy !== undefined
      ? overrides.authenticationMethodsPolicy
      : (tenant.authenticationMethodsPolicy ?? null);
  const asOf = overrides.asOf ?? null;
  // `shared`: users with the same registered list share one availability (and its arrays) when nothing restricts.
  const shared: SharedAvailabilities = new Map();
  const availabilityOptions = { policy: methodsPolicy, asOf, shared };
  // One input object and one group-list function for every user (read synchronously by methodAvailability): a
  // closure per user was a million functions to allocate and collect.
  let current = 0;
  const groupIdsOfCurrent = (): Set<string> => {
    // Not memoised: a million users' group lists would stay in memory for one pass.
    const all = new Set<string>();
    for (const g of directGroupsOfUser()[current] ?? [])
      for (const a of ancestorGroups(graph, g)) all.add(groupIds[a] ?? '');
    return all;
  };
  const availabilityInput: MethodAvailabilityInput = {
    userId: '',
    userPrincipalName: '',
    registered: [],
    phoneMethods: undefined,
    groupIds: groupIdsOfCurrent,
  };
  const registeredMasks = new Int32Array(tenantUsers.length);
  const usableMasks = new Int32Array(tenantUsers.length);
  const allowedMasks = new Int32Array(tenantUsers.length);
  // One pass over the user objects (each a cache miss at a million users) for everything read from them; what
  // CompiledUser adds to the source user is kept in columns (userAt builds the object on demand).
  const usersByRole = new Map<string, number[]>();
  const guestKinds = new Array<string>(tenantUsers.length);
  const guestUserIndices: number[] = [];
  const availabilities = new Array<MethodAvailability>(tenantUsers.length);
  for (let index = 0; index < tenantUsers.length; index++) {
    const user = tenantUsers[index];
    if (!user) continue;
    current = index;
    // `?? []` everywhere: callers may hand over a document that skipped parseTenant's defaults.
    for (const role of user.roles ?? []) {
      const list = usersByRole.get(role);
      if (list) list.push(index);
      else usersByRole.set(role, [index]);
    }
    const guestKind = guestKindOf(user);
    guestKinds[index] = guestKind;
    if (guestKind !== '') guestUserIndices.push(index);
    availabilityInput.userId = user.id;
    availabilityInput.userPrincipalName = user.userPrincipalName;
    availabilityInput.registered = user.authenticationMethods ?? [];
    availabilityInput.phoneMethods = user.phoneMethods;
    const availability = methodAvailability(availabilityInput, availabilityOptions);
    availabilities[index] = availability;
    registeredMasks[index] = availability.registeredMask;
    usableMasks[index] = availability.usableMask;
    allowedMasks[index] = availability.allowedMask;
  }
  const userAt = (index: number): CompiledUser | undefined => {
    const user = tenantUsers[index];
    const availability = availabilities[index];
    if (!user || !availability) return undefined;
    return {
      index,
      id: user.id,
      userPrincipalName: user.userPrincipalName,
      displayName: user.displayName,
      userType: user.userType ?? 'Member',
      guestKind: guestKinds[index] ?? '',
      registeredMethods: availability.registeredMethods,
      registeredMask: availability.registeredMask,
      usableMethods: availability.usableMethods,
      usableMask: availability.usableMask,
      allowedMask: availability.allowedMask,
      methodRestrictions: availability.restrictions,
      source: user,
    };
  };
  let allUsers: readonly CompiledUser[] | null = null;
  const everyUser = (): readonly CompiledUser[] =>
    (allUsers ??= Array.from(tenantUsers, (_, index) => userAt(index)).filter(
      (user): user is CompiledUser => user !== undefined,
    ));
  // Built on the first look-up by UPN (a What-If naming the user by UPN): a million lower-cased copies and their
  // index were two seconds of every million-user compile that most callers never use.
  const userIndexByUpn = lazyIdIndex(() => {
    const lowerCased = tenantUsers.map((u) => u.userPrincipalName.toLowerCase());
    return createIdIndex(lowerCased.length, (i) => lowerCased[i] ?? '');
  });

  const strengths = new Map<string, ResolvedStrength>();
  for (const s of builtInAuthenticationStrengths) strengths.set(s.id, resolveStrength(s));
  for (const s of overrides.authenticationStrengthPolicies ?? tenant.authenticationStrengthPolicies ?? []) {
    if (!strengths.has(s.id) || s.policyType !== 'builtIn') strengths.set(s.id, resolveStrength(s));
  }
  const policies = overrides.policies ?? tenant.conditionalAccessPolicies ?? [];
  // A Graph export carries the expanded strength object: use it when the tenant does not define that id.
  for (const policy of policies) {
    const expanded = expandedStrengthOf(policy.grantControls?.authenticationStrength);
    if (expanded && !strengths.has(expanded.id)) strengths.set(expanded.id, resolveStrength(expanded));
  }

  const namedLocations = (overrides.namedLocations ?? tenant.namedLocations ?? []).map(compileNamedLocation);
  const applicationNameById = new Map((tenant.applications ?? []).map((a) => [a.appId, a.displayName]));
  const namedLocationById = new Map(namedLocations.map((l) => [l.id, l]));
  const applicationIds = (tenant.applications ?? []).map((a) => a.appId);
  const applicationIndexById = new Map(applicationIds.map((id, i) => [id, i]));
  const userScopes = createUserScopeMatrix(tenantUsers.length, policies.length);
  const targeting = {
    userCount: tenantUsers.length,
    applicationIds,
    scopes: userScopes,
    policyCount: policies.length,
    guestKinds,
    guestUsers: Int32Array.from(guestUserIndices),
    usersByRole,
    userIndexById,
    groupGraph: graph,
    groupIndexById,
  };
  writeAllUsersInclusions(policies, targeting);
  const compiledPolicies = policies.map((policy, i) =>
    compilePolicyInTenant(policy, i, targeting, strengths, applicationNameById, namedLocationById, true),
  );
  const applicationTargets = new Uint8Array(applicationIds.length * compiledPolicies.length);
  for (const policy of compiledPolicies) writeApplicationTargets(applicationTargets, policy, compiledPolicies.length);
  const compiled: CompiledTenant = {
    tenantId: tenant.tenantId,
    domain: tenant.domain,
    source: tenant,
    userCount: tenantUsers.length,
    userAt,
    get users() {
      return everyUser();
    },
    userIndexById,
    userIndexByUpn,
    groupIndexById,
    groupGraph: graph,
    namedLocations,
    namedLocationById,
    strengths,
    policies: compiledPolicies,
    applicationTargets,
    userScopes,
    userColumns: { registeredMask: registeredMasks, usableMask: usableMasks, allowedMask: allowedMasks },
    targeting,
    applicationNameById,
    applicationIndexById,
    groupIdsOf,
    asOf,
    hasAuthenticationMethodsPolicy: methodsPolicy !== null,
  };
  // Not enumerable, so a spread of the tenant (replacePolicy) does not build a million CompiledUser objects.
  Object.defineProperty(compiled, 'users', { enumerable: false, get: everyUser });
  return compiled;
}
