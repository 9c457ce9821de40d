// Which registered methods a user may actually use (issue 15, "The authentication methods policy"): Entra decides
// from the tenant's authentication methods policy as well as from what the user registered. "The ability for a user
// to use an authentication method is governed by the tenant's authentication methods policy" (Graph:
// authenticationmethods-overview); each method configuration has a state and include/exclude targets
// (authenticationmethodconfiguration), Microsoft Authenticator a mode per target ("any, deviceBasedPush
// (passwordless only), push": microsoftauthenticatorauthenticationmethodtarget), voice an office-phone switch
// (voiceauthenticationmethodconfiguration). Phone types decide SMS and voice: a mobile phone can receive SMS and
// calls, an alternate mobile or office phone calls only (concept-authentication-phone-options). Known retirements
// are applied from an "as of" date passed in (lib/ never reads the clock).
import type { AuthenticationMethodMode } from './authentication-method-mode';
import type { AuthenticationMethodsPolicy, PhoneMethod } from './authentication-methods-policy-schema';
import { engineText, english, type EngineText } from './engine-text';
import { maskOf, methodBit } from './method-mask';

export type MethodRestrictionReason =
  'methodDisabled' | 'notTargeted' | 'excluded' | 'authenticatorModeRestricts' | 'officePhoneNotAllowed' | 'retired';

export type MethodRestriction = {
  method: AuthenticationMethodMode;
  reason: MethodRestrictionReason;
  message: string;
  text: EngineText;
};

export type KnownRetirement = {
  id: string;
  methods: readonly AuthenticationMethodMode[];
  /** ISO date (UTC) from which the methods no longer work. */
  effectiveDate: string;
  /** ISO date from which Entra prompts affected users to register a replacement. */
  promptFrom: string;
};

/**
 * Microsoft-provided SMS and voice for MFA and SSPR retire on 1 February 2027; from 1 September 2026 users enabled
 * for them are auto-enabled for passkeys and prompted to register (Microsoft's retirement announcement, as quoted
 * in issue 15; README "Authentication methods policy" says what the engine does with it).
 */
export const knownRetirements: readonly KnownRetirement[] = [
  {
    id: 'microsoftProvidedSmsAndVoice',
    methods: ['sms', 'voice'],
    effectiveDate: '2027-02-01',
    promptFrom: '2026-09-01',
  },
];

// Method configuration ids (Graph: authenticationmethodconfiguration `id`) and the modes each governs.
// Password, Windows Hello for Business and federated methods are not in the policy: always allowed.
const modesOfConfiguration: Record<string, readonly AuthenticationMethodMode[]> = {
  microsoftauthenticator: ['microsoftAuthenticatorPush', 'deviceBasedPush'],
  sms: ['sms'],
  voice: ['voice'],
  fido2: ['fido2'],
  softwareoath: ['softwareOath'],
  hardwareoath: ['hardwareOath'],
  temporaryaccesspass: ['temporaryAccessPassOneTime', 'temporaryAccessPassMultiUse'],
  email: ['email'],
  x509certificate: ['x509CertificateSingleFactor', 'x509CertificateMultiFactor'],
  qrcodepin: ['qrCodePin'],
};

export type MethodAvailabilityInput = {
  userId: string;
  userPrincipalName: string;
  registered: readonly AuthenticationMethodMode[];
  phoneMethods: readonly PhoneMethod[] | null | undefined;
  /** Transitive group ids; only asked for when the policy targets groups. */
  groupIds: () => ReadonlySet<string>;
};

export type MethodAvailability = {
  registeredMethods: AuthenticationMethodMode[];
  registeredMask: number;
  usableMethods: AuthenticationMethodMode[];
  usableMask: number;
  /** Every mode the policy lets this user use (registered or not): what registration may offer. */
  allowedMask: number;
  restrictions: MethodRestriction[];
};

const allModesMask = 0x7fffffff;

export type MethodAvailabilityOptions = {
  policy?: AuthenticationMethodsPolicy | null;
  /** YYYY-MM-DD: apply known retirements effective on or before this date. */
  asOf?: string | null;
  /**
   * One compile's interning table: when nothing can restrict, users with the same registered list share one
   * availability and its arrays (a million users have a few dozen distinct lists; each its own arrays is GC work).
   */
  shared?: SharedAvailabilities;
};

/**
 * Availabilities by a hash of the registered list (in order), each confirmed mode by mode: a joined string key per
 * user was a million strings to build and collect in a million-user compile.
 */
export type SharedAvailabilities = Map<
  number,
  { registered: readonly AuthenticationMethodMode[]; availability: MethodAvailability }[]
>;

function registeredListHash(registered: readonly AuthenticationMethodMode[]): number {
  let hash = 0x811c9dc5 ^ registered.length;
  for (const mode of registered) hash = Math.imul(hash ^ methodBit(mode), 0x01000193);
  return hash;
}

function isSameList(a: readonly AuthenticationMethodMode[], b: readonly AuthenticationMethodMode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Registered modes: the listed ones plus those a phone gives (mobile: SMS and voice; other types: voice). */
function registeredModesOf(input: MethodAvailabilityInput): AuthenticationMethodMode[] {
  const modes = new Set(input.registered);
  for (const phone of input.phoneMethods ?? []) {
    if (phone.phoneType === 'mobile') modes.add('sms');
    if (phone.phoneType !== 'unknownFutureValue') modes.add('voice');
  }
  return [...modes];
}

export function policyTargetsGroups(policy: AuthenticationMethodsPolicy | null | undefined): boolean {
  return (policy?.authenticationMethodConfigurations ?? []).some((c) =>
    [...(c.includeTargets ?? []), ...(c.excludeTargets ?? [])].some((t) => t.id !== 'all_users'),
  );
}

const noRestrictions: MethodRestriction[] = [];

export function methodAvailability(
  input: MethodAvailabilityInput,
  options: MethodAvailabilityOptions,
): MethodAvailability {
  // Fast path (most tenants, and a million users): nothing can restrict, so no per-user sets or maps.
  if (!options.policy && !options.asOf && !input.phoneMethods?.length) {
    const hash = registeredListHash(input.registered);
    const bucket = options.shared?.get(hash);
    if (bucket)
      for (const entry of bucket) if (isSameList(entry.registered, input.registered)) return entry.availability;
    const registeredMethods = [...new Set(input.registered)];
    const mask = maskOf(registeredMethods);
    const availability = {
      registeredMethods,
      registeredMask: mask,
      usableMethods: registeredMethods,
      usableMask: mask,
      allowedMask: allModesMask,
      restrictions: noRestrictions,
    };
    const entry = { registered: [...input.registered], availability };
    if (bucket) bucket.push(entry);
    else options.shared?.set(hash, [entry]);
    return availability;
  }
  const registeredMethods = registeredModesOf(input);
  const denied = new Map<AuthenticationMethodMode, MethodRestrictionReason>();
  const deny = (mode: AuthenticationMethodMode, reason: MethodRestrictionReason): void => {
    if (!denied.has(mode)) denied.set(mode, reason);
  };
  let groups: ReadonlySet<string> | null = null;
  const isTarget = (id: string): boolean => {
    if (id === 'all_users' || id === input.userId) return true;
    groups ??= input.groupIds();
    return groups.has(id);
  };
  for (const configuration of options.policy?.authenticationMethodConfigurations ?? []) {
    const modes = modesOfConfiguration[configuration.id.toLowerCase()];
    if (!modes) continue;
    if (configuration.state === 'disabled') {
      for (const mode of modes) deny(mode, 'methodDisabled');
      continue;
    }
    if ((configuration.excludeTargets ?? []).some((t) => isTarget(t.id))) {
      for (const mode of modes) deny(mode, 'excluded');
      continue;
    }
    const targets = (configuration.includeTargets ?? []).filter((t) => isTarget(t.id));
    if (targets.length === 0) {
      for (const mode of modes) deny(mode, 'notTargeted');
      continue;
    }
    if (configuration.id.toLowerCase() === 'microsoftauthenticator') {
      // The union of the modes of every target the user falls under; no mode given = "any".
      const allowsPush = targets.some((t) => (t.authenticationMode ?? 'any') !== 'deviceBasedPush');
      const allowsPasswordless = targets.some((t) => (t.authenticationMode ?? 'any') !== 'push');
      if (!allowsPush) deny('microsoftAuthenticatorPush', 'authenticatorModeRestricts');
      if (!allowsPasswordless) deny('deviceBasedPush', 'authenticatorModeRestricts');
    }
    if (configuration.id.toLowerCase() === 'voice' && configuration.isOfficePhoneAllowed !== true) {
      // Voice through an office phone needs isOfficePhoneAllowed; a mobile or alternate mobile phone does not.
      const phones = input.phoneMethods ?? [];
      if (phones.length > 0 && phones.every((p) => p.phoneType === 'office')) deny('voice', 'officePhoneNotAllowed');
    }
  }
  for (const retirement of knownRetirements) {
    if (options.asOf && options.asOf >= retirement.effectiveDate)
      // A method the policy already forbids is not "lost" on that date: keep the policy's reason.
      for (const mode of retirement.methods) deny(mode, 'retired');
  }
  let deniedMask = 0;
  for (const mode of denied.keys()) deniedMask |= methodBit(mode);
  const registeredMask = maskOf(registeredMethods);
  const usableMask = registeredMask & ~deniedMask;
  const restrictions: MethodRestriction[] = [];
  for (const method of registeredMethods) {
    const reason = denied.get(method);
    if (!reason) continue;
    const text = engineText(`methodRestriction.${reason}`, {
      user: input.userPrincipalName,
      method,
      date: retirementDateOf(method) ?? '',
    });
    restrictions.push({ method, reason, message: english(text), text });
  }
  return {
    registeredMethods,
    registeredMask,
    usableMethods: registeredMethods.filter((m) => (usableMask & methodBit(m)) !== 0),
    usableMask,
    allowedMask: allModesMask & ~deniedMask,
    restrictions,
  };
}

function retirementDateOf(method: AuthenticationMethodMode): string | null {
  return knownRetirements.find((r) => r.methods.includes(method))?.effectiveDate ?? null;
}

/** YYYY-MM-DD that is a real calendar date, else null. */
export function parseAsOfDate(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y = 0, m = 0, d = 0] = value.split('-').map(Number);
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return m >= 1 && m <= 12 && d >= 1 && d <= (days[m - 1] ?? 0) ? value : null;
}
