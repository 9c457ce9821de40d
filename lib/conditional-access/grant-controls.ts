// Grant controls against what a sign-in session presents (concept-conditional-access-grant). Block wins over
// everything; AND needs every requirement, OR any one; all applicable enforced policies must be satisfied
// together (concept-conditional-access-policies).
import { engineText, english, type EngineText } from './engine-text';
import { isStrengthMet } from './authentication-strength-match';
import type { GrantRequirement } from './compile-grant';
import type { CompiledPolicy } from './compiled-model';
import type { DeviceInfo } from './what-if-request-schema';

/** What the session can show besides authentication methods. Interactive controls are opt-in flags. */
export type GrantSession = {
  methodsMask: number;
  deviceInfo: DeviceInfo | null;
  isLegacyClient: boolean;
  /** Extension inputs: the What-If request has no field for these, so the caller states them. */
  isApprovedClientApp?: boolean;
  hasAppProtectionPolicy?: boolean;
  acceptedTermsOfUse?: readonly string[];
  hasChangedPassword?: boolean;
};

export function isRequirementMet(requirement: GrantRequirement, session: GrantSession): boolean {
  switch (requirement.kind) {
    case 'mfa':
    case 'authenticationStrength':
      // Legacy authentication can't do MFA at all (concept-conditional-access-conditions, "Client apps").
      return !session.isLegacyClient && isStrengthMet(requirement.strength, session.methodsMask);
    case 'compliantDevice':
      return session.deviceInfo?.isCompliant === true;
    case 'domainJoinedDevice':
      // Microsoft Entra hybrid joined = trustType "ServerAD" (concept-condition-filters-for-devices, trustType).
      return (session.deviceInfo?.trustType ?? '').toLowerCase() === 'serverad';
    case 'approvedApplication':
      return session.isApprovedClientApp === true;
    case 'compliantApplication':
      return session.hasAppProtectionPolicy === true;
    case 'termsOfUse':
      return (session.acceptedTermsOfUse ?? []).includes(requirement.id);
    case 'passwordChange':
    case 'riskRemediation':
      return session.hasChangedPassword === true;
    case 'customAuthenticationFactor':
      return false;
  }
}

export type PolicyGrantResult = {
  isBlocked: boolean;
  isSatisfied: boolean;
  /** Requirements not met, in the order Entra asks for them. */
  unmet: readonly GrantRequirement[];
};

export function evaluatePolicyGrant(policy: CompiledPolicy, session: GrantSession): PolicyGrantResult {
  const grant = policy.grant;
  if (grant.isBlock) return { isBlocked: true, isSatisfied: false, unmet: [] };
  if (grant.requirements.length === 0) return { isBlocked: false, isSatisfied: true, unmet: [] };
  const unmet = grant.requirements.filter((r) => !isRequirementMet(r, session));
  const isSatisfied = grant.operator === 'OR' ? unmet.length < grant.requirements.length : unmet.length === 0;
  return { isBlocked: false, isSatisfied, unmet: isSatisfied ? [] : unmet };
}

/** Graph's enforcedGrantControls names for a policy (signIn appliedConditionalAccessPolicy). */
export function grantControlNames(policy: CompiledPolicy): string[] {
  const controls = policy.source.grantControls;
  const names: string[] = [...(controls?.builtInControls ?? [])].map((c) =>
    c === 'mfa' ? 'Mfa' : c === 'block' ? 'Block' : c,
  );
  if (controls?.authenticationStrength) names.push('AuthenticationStrength');
  for (const id of controls?.termsOfUse ?? []) names.push(`TermsOfUse:${id}`);
  return names;
}

export function describeRequirement(requirement: GrantRequirement): string {
  return english(describeRequirementText(requirement));
}

/** The requirement as a phrase the pages translate (engine-text.ts). */
export function describeRequirementText(requirement: GrantRequirement): EngineText {
  switch (requirement.kind) {
    case 'authenticationStrength':
      return engineText('requirement.authenticationStrength', { strength: requirement.strength.displayName });
    case 'termsOfUse':
    case 'customAuthenticationFactor':
      return engineText(`requirement.${requirement.kind}`, { id: requirement.id });
    default:
      return engineText(`requirement.${requirement.kind}`);
  }
}
