// The compiled model's types (tenant, users, named locations, policies, sign-in, condition checks), in a leaf
// module: the compilers, the condition checks and the evaluators all import these and none of each other's types.
import type { AnalysisReason } from './analysis-reason';
import type { AuthenticationMethodMode } from './authentication-method-mode';
import type { ResolvedStrength } from './authentication-strength-match';
import type { CompiledGrant } from './compile-grant';
import type { UserTargetingInput } from './compile-policy';
import type { DeviceFilterRule } from './device-filter-rule';
import type { EngineText } from './engine-text';
import type { GroupGraph } from './group-membership';
import type { IdLookup } from './id-index';
import type { CidrRange, IpAddress } from './ip-address';
import type { MethodRestriction } from './method-availability';
import type { NamedLocation } from './named-location-schema';
import type { ConditionalAccessPolicy, PolicyState, SessionControls } from './policy-schema';
import type { Tenant, TenantUser } from './tenant-schema';
import type { UserScopeMatrix } from './user-scope-matrix';
import type { DeviceInfo } from './what-if-request-schema';

export type CompiledTenant = {
  tenantId: string;
  domain: string;
  source: Tenant;
  userCount: number;
  /**
   * One user's compiled view, built from the columns (userColumns, the source user, the shared method availability)
   * on each call: evaluation reads users one at a time, and a million CompiledUser objects built up front were a
   * large share of a million-user compile and its heap.
   */
  userAt(userIndex: number): CompiledUser | undefined;
  /** Every user's CompiledUser, built on first read (lint passes and pages that list users); evaluation uses userAt. */
  readonly users: readonly CompiledUser[];
  userIndexById: IdLookup;
  /** By lower-cased UPN; built on its first look-up. */
  userIndexByUpn: IdLookup;
  groupIndexById: ReadonlyMap<string, number>;
  groupGraph: GroupGraph;
  namedLocations: readonly CompiledNamedLocation[];
  namedLocationById: ReadonlyMap<string, CompiledNamedLocation>;
  strengths: ReadonlyMap<string, ResolvedStrength>;
  policies: readonly CompiledPolicy[];
  /** Every policy's user targeting per user (user-scope-matrix.ts: userScopeAt). */
  userScopes: UserScopeMatrix;
  /**
   * The users' method masks as columns (the same values as users[u].registeredMask etc.): blast radius reads three
   * numbers per user from three contiguous arrays instead of a million scattered objects.
   */
  /**
   * applicationTargets[appIndex * policies.length + policyIndex]: 1 when a sign-in to that one tenant application
   * meets the policy's application condition (isApplicationIndexTargeted). One contiguous row per What-If instead
   * of one small array per policy, each a cache miss at 500 policies.
   */
  applicationTargets: Uint8Array;
  userColumns: { registeredMask: Int32Array; usableMask: Int32Array; allowedMask: Int32Array };
  /** What user targeting is compiled from (roles, guest kinds, groups), kept to recompile one edited policy. */
  targeting: UserTargetingInput;
  applicationNameById: ReadonlyMap<string, string>;
  applicationIndexById: ReadonlyMap<string, number>;
  /** Transitive group ids of a user (memoised). */
  groupIdsOf(userIndex: number): readonly string[];
  /** The "as of" date known method retirements were applied for (YYYY-MM-DD), null for none. */
  asOf: string | null;
  hasAuthenticationMethodsPolicy: boolean;
};

export type CompiledUser = {
  index: number;
  id: string;
  userPrincipalName: string;
  displayName: string;
  userType: 'Member' | 'Guest';
  /** '' for members; otherwise the guestOrExternalUserTypes value this user falls under. */
  guestKind: string;
  /** Registered modes, including SMS/voice given by registered phones (phoneMethods). */
  registeredMethods: readonly AuthenticationMethodMode[];
  registeredMask: number;
  /** Registered and allowed by the authentication methods policy (and not retired as of the tenant's date). */
  usableMethods: readonly AuthenticationMethodMode[];
  usableMask: number;
  /** Every mode the policy lets this user use, registered or not (what a registration interrupt may offer). */
  allowedMask: number;
  /** Why each registered but unusable method may not be used. */
  methodRestrictions: readonly MethodRestriction[];
  source: TenantUser;
};

export type CompiledNamedLocation = {
  id: string;
  displayName: string;
  /** `unknown`: an `@odata.type` the engine does not know; it never matches a sign-in. */
  kind: 'ip' | 'country' | 'compliantNetwork' | 'unknown';
  isTrusted: boolean;
  ranges: readonly CidrRange[];
  countries: ReadonlySet<string>;
  includeUnknownCountries: boolean;
  source: NamedLocation;
};

export type CompiledPolicy = {
  index: number;
  id: string;
  displayName: string;
  state: PolicyState;
  source: ConditionalAccessPolicy;
  servicePrincipals: { includeAll: boolean; include: ReadonlySet<string>; exclude: ReadonlySet<string> } | null;
  applications: {
    hasApplicationTargets: boolean;
    include: ReadonlySet<string>;
    exclude: ReadonlySet<string>;
    includesAll: boolean;
    /** include/exclude with Office365 and MicrosoftAdminPortals expanded to app ids. */
    includeExpanded: ReadonlySet<string>;
    excludeExpanded: ReadonlySet<string>;
    /** Per tenant application index: 1 when that app is targeted and not excluded (a byte read per request). */
    targetedByAppIndex: Uint8Array;
    userActions: ReadonlySet<string>;
    authenticationContexts: ReadonlySet<string>;
    filterMode: 'include' | 'exclude' | null;
  };
  locations: {
    include: readonly string[];
    exclude: readonly string[];
    includesAll: boolean;
    includesTrusted: boolean;
    excludesAll: boolean;
    excludesTrusted: boolean;
    includeIds: ReadonlySet<string>;
    excludeIds: ReadonlySet<string>;
  } | null;
  platforms: { include: ReadonlySet<string>; exclude: ReadonlySet<string> } | null;
  clientAppTypes: ReadonlySet<string> | null;
  signInRiskLevels: ReadonlySet<string> | null;
  userRiskLevels: ReadonlySet<string> | null;
  servicePrincipalRiskLevels: ReadonlySet<string> | null;
  insiderRiskLevels: ReadonlySet<string> | null;
  deviceFilter: { mode: 'include' | 'exclude'; rule: DeviceFilterRule; text: string } | null;
  excludedDeviceStates: ReadonlySet<string> | null;
  transferMethods: ReadonlySet<string> | null;
  grant: CompiledGrant;
  session: SessionControls | null;
  /**
   * Conditions the policy configures that the engine does not evaluate, in Graph's analysis-reason words where
   * Graph has one (`time` for `conditions.times`, `location` for a named location of an unknown type), else the
   * condition's property name. The policy's result is computed from the other conditions and says so.
   */
  unevaluatedConditions: readonly string[];
  /** The policy targets agent identities only (Entra Agent ID preview): outside user sign-in scope. */
  targetsAgentIdentitiesOnly: boolean;
  invalidReason: string | null;
  /** invalidReason as a code with parameters (engine-text.ts), for the pages to translate. */
  invalidReasonText: EngineText | null;
  isEmpty: boolean;
  /** The user-independent checks this policy configures, per sign-in context kind (filled by compileTenant). */
  requestChecks: Readonly<Record<'application' | 'userAction' | 'authContext', readonly ConditionCheck[]>>;
  /** Precomputed What-If sentences (filled by compileTenant). */
  explanations: PolicyExplanations | null;
};

/** A sentence in English and as a code with parameters (engine-text.ts) the pages translate. */
export type Explained = { message: string; text: EngineText };

export type PolicyExplanations = {
  applies: Explained;
  usersNotIncluded: Explained;
  usersExcluded: Explained;
  byReason: ReadonlyMap<AnalysisReason, Explained>;
  /** Disabled, invalid or empty: the status sentence (statusExplanationText), else null. */
  status: Explained | null;
};

export type SignInContextKind = 'application' | 'userAction' | 'authContext';

export type CompiledSignIn = {
  contextKind: SignInContextKind;
  applicationIds: readonly string[];
  /** Index of each application in the tenant's list, -1 when the tenant document doesn't list it. */
  applicationIndices: Int32Array;
  /** urn form as used in policies, lower case: urn:user:registersecurityinfo | urn:user:registerdevice */
  userAction: string | null;
  authenticationContext: string | null;
  /** null when the request gives no platform (or "all"): an unknown platform. */
  devicePlatform: string | null;
  /** "all" (or absent) is read as an unspecified modern client; see README "Client apps". */
  clientAppType: string;
  isLegacyClient: boolean;
  signInRiskLevel: string;
  userRiskLevel: string;
  insiderRiskLevel: string;
  servicePrincipalRiskLevel: string;
  ipAddress: IpAddress | null;
  country: string | null;
  matchedLocationIds: ReadonlySet<string>;
  isTrustedLocation: boolean;
  /** Extension `signInConditions.isCompliantNetwork`: the sign-in comes through Global Secure Access. */
  isCompliantNetwork: boolean;
  /** Null when the request has none, and under the device code flow (see isDeviceStateUnavailable). */
  deviceInfo: DeviceInfo | null;
  /** Device code flow: the device that authenticates is not the one that signs in, so its state is unknown. */
  isDeviceStateUnavailable: boolean;
  transferMethod: string | null;
  servicePrincipalId: string | null;
};

export type CheckInput = {
  tenant: CompiledTenant;
  policy: CompiledPolicy;
  signIn: CompiledSignIn;
  /** -1 for a service principal sign-in. */
  userIndex: number;
};

export type ConditionCheck = {
  reason: AnalysisReason;
  /** reasonBit(reason), stored so the hot loop needs no lookup. */
  bit: number;
  description: string;
  /** False when the check reads the user: such checks run per user, the others once per request. */
  isUserIndependent: boolean;
  /**
   * The part of the sign-in isMet reads, as a string: two sign-ins with the same key meet the check for exactly the
   * same policies, so a request's results for the whole policy list are computed once per key and reused
   * (request-condition-rows.ts). Null when the check reads more than a small key can say (the device filter).
   */
  signInKey: ((signIn: CompiledSignIn) => string) | null;
  isMet(input: CheckInput): boolean;
  /** One sentence saying why the condition is not met. */
  explain(input: CheckInput): string;
};
