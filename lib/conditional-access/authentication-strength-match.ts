// Authentication strengths resolved to bitmask combinations. A strength is met when one allowed combination is
// contained in the methods used in the session (concept-authentication-strengths); several strengths must all
// be met (concept-authentication-strength-how-it-works, "multiple ... policies").
import { isAuthenticationMethodMode } from './authentication-method-mode';
import type { AuthenticationStrengthPolicy } from './authentication-strength-schema';
import { multifactorStrengthId } from './built-in-authentication-strengths';
import { maskOf } from './method-mask';

export type ResolvedStrength = {
  id: string;
  displayName: string;
  isBuiltIn: boolean;
  allowedCombinations: readonly string[];
  /** One mask per allowed combination. */
  combinationMasks: readonly number[];
};

export function resolveStrength(policy: AuthenticationStrengthPolicy): ResolvedStrength {
  const combinationMasks = policy.allowedCombinations.map((combination) =>
    // A mode the engine does not know adds no bit (maskOf's rule for any unknown mode).
    maskOf(
      combination
        .split(',')
        .map((part) => part.trim())
        .filter(isAuthenticationMethodMode),
    ),
  );
  return {
    id: policy.id,
    displayName: policy.displayName ?? policy.id,
    isBuiltIn: policy.policyType === 'builtIn' || policy.id.startsWith('00000000-0000-0000-0000-00000000000'),
    allowedCombinations: policy.allowedCombinations,
    combinationMasks,
  };
}

export function isStrengthMet(strength: ResolvedStrength, methodsMask: number): boolean {
  for (const combination of strength.combinationMasks) if ((combination & methodsMask) === combination) return true;
  return false;
}

/** The `mfa` grant control is met by any combination of the built-in Multifactor authentication strength. */
export function isMfaStrength(strength: ResolvedStrength): boolean {
  return strength.id === multifactorStrengthId;
}
