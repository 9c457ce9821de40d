// One-line summaries of a policy for the policy list: which grant and session controls it sets, as Graph names
// the page translates (grant: concept-conditional-access-grant; session: concept-conditional-access-session).
import type { ConditionalAccessPolicy } from '../conditional-access/policy-schema';

export type ControlToken =
  | { kind: 'builtIn'; name: string }
  | { kind: 'strength'; name: string }
  | { kind: 'termsOfUse' | 'custom'; count: number }
  | { kind: 'session'; name: string };

export function grantTokens(policy: ConditionalAccessPolicy, strengthName: (id: string) => string): ControlToken[] {
  const grant = policy.grantControls;
  const tokens: ControlToken[] = (grant?.builtInControls ?? []).map((name) => ({ kind: 'builtIn', name }));
  const strength = grant?.authenticationStrength;
  if (strength)
    tokens.push({
      kind: 'strength',
      name: typeof strength.displayName === 'string' ? strength.displayName : strengthName(strength.id),
    });
  if ((grant?.termsOfUse ?? []).length > 0) tokens.push({ kind: 'termsOfUse', count: grant?.termsOfUse?.length ?? 0 });
  if ((grant?.customAuthenticationFactors ?? []).length > 0)
    tokens.push({ kind: 'custom', count: grant?.customAuthenticationFactors?.length ?? 0 });
  const session = policy.sessionControls;
  if (session?.signInFrequency?.isEnabled) tokens.push({ kind: 'session', name: 'signInFrequency' });
  if (session?.persistentBrowser?.isEnabled) tokens.push({ kind: 'session', name: 'persistentBrowser' });
  return tokens;
}

/** The grant operator only matters with two or more controls. */
export function grantOperator(policy: ConditionalAccessPolicy): 'AND' | 'OR' | null {
  const grant = policy.grantControls;
  const count =
    (grant?.builtInControls ?? []).length + (grant?.authenticationStrength ? 1 : 0) + (grant?.termsOfUse ?? []).length;
  return count >= 2 ? (grant?.operator ?? 'AND') : null;
}
