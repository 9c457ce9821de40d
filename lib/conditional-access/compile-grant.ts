// Grant controls compiled to a list of requirements (concept-conditional-access-grant). `block` wins over
// everything; otherwise the operator (AND by default) combines built-in controls, the authentication strength,
// terms of use and custom controls.
import { engineText, english, type EngineText } from './engine-text';
import type { ResolvedStrength } from './authentication-strength-match';
import { multifactorStrengthId } from './built-in-authentication-strengths';
import type { ConditionalAccessPolicy } from './policy-schema';

export type GrantRequirement =
  | { kind: 'mfa'; strength: ResolvedStrength }
  | { kind: 'authenticationStrength'; strength: ResolvedStrength }
  | { kind: 'compliantDevice' }
  | { kind: 'domainJoinedDevice' }
  | { kind: 'approvedApplication' }
  | { kind: 'compliantApplication' }
  | { kind: 'passwordChange' }
  | { kind: 'riskRemediation' }
  | { kind: 'termsOfUse'; id: string }
  | { kind: 'customAuthenticationFactor'; id: string };

export type GrantRequirementKind = GrantRequirement['kind'];

export type CompiledGrant = {
  isBlock: boolean;
  operator: 'AND' | 'OR';
  requirements: readonly GrantRequirement[];
  /** Equal for grants that demand exactly the same thing; blast radius groups users by it. */
  signature: string;
};

// The order Entra asks for missing controls in (concept-conditional-access-policies, "Phase 2").
export const requirementOrder: readonly GrantRequirementKind[] = [
  'mfa',
  'authenticationStrength',
  'compliantDevice',
  'domainJoinedDevice',
  'approvedApplication',
  'compliantApplication',
  'passwordChange',
  'riskRemediation',
  'termsOfUse',
  'customAuthenticationFactor',
];

export function compileGrant(
  policy: ConditionalAccessPolicy,
  strengths: ReadonlyMap<string, ResolvedStrength>,
): { grant: CompiledGrant; invalidReason: string | null; invalidReasonText: EngineText | null } {
  const controls = policy.grantControls;
  const builtIn = controls?.builtInControls ?? [];
  const requirements: GrantRequirement[] = [];
  let invalidReasonText: EngineText | null = null;
  const mfa = strengths.get(multifactorStrengthId);
  for (const control of builtIn) {
    if (control === 'block' || control === 'unknownFutureValue') continue;
    if (control === 'mfa') {
      if (mfa) requirements.push({ kind: 'mfa', strength: mfa });
    } else requirements.push({ kind: control });
  }
  const strengthRef = controls?.authenticationStrength;
  if (strengthRef) {
    const strength = strengths.get(strengthRef.id);
    if (strength) requirements.push({ kind: 'authenticationStrength', strength });
    else invalidReasonText = engineText('invalid.unknownStrength', { id: strengthRef.id });
    // "Require MFA" and "Require authentication strength" can't be combined (concept-authentication-strengths).
    if (builtIn.includes('mfa')) invalidReasonText = engineText('invalid.mfaAndStrength');
  }
  for (const id of controls?.termsOfUse ?? []) requirements.push({ kind: 'termsOfUse', id });
  for (const id of controls?.customAuthenticationFactors ?? [])
    requirements.push({ kind: 'customAuthenticationFactor', id });
  const isBlock = builtIn.includes('block');
  const operator = controls?.operator === 'OR' ? 'OR' : 'AND';
  const parts = requirements
    .map((r) => ('strength' in r ? `${r.kind}:${r.strength.id}` : 'id' in r ? `${r.kind}:${r.id}` : r.kind))
    .sort();
  return {
    grant: { isBlock, operator, requirements, signature: isBlock ? 'block' : `${operator}(${parts.join(',')})` },
    invalidReason: invalidReasonText === null ? null : english(invalidReasonText),
    invalidReasonText,
  };
}
