// Graph authenticationStrengthPolicy (concept-authentication-strengths, concept-authentication-strength-advanced-options).
// Allowed combinations are comma-joined method modes, e.g. "password,microsoftAuthenticatorPush".
import { z } from 'zod';
import { authenticationMethodModeSchema } from './authentication-method-mode';

export const authenticationCombinationSchema = z.string().superRefine((value, ctx) => {
  const parts = value.split(',').map((part) => part.trim());
  for (const part of parts) {
    if (!authenticationMethodModeSchema.safeParse(part).success) {
      ctx.addIssue({ code: 'custom', message: `"${part}" is not an authentication method mode` });
      return;
    }
  }
});

export const authenticationStrengthPolicySchema = z.looseObject({
  id: z.string().min(1),
  displayName: z.string().optional(),
  description: z.string().nullish(),
  policyType: z.enum(['builtIn', 'custom', 'unknownFutureValue']).optional(),
  requirementsSatisfied: z.enum(['none', 'mfa', 'unknownFutureValue']).optional(),
  allowedCombinations: z.array(authenticationCombinationSchema),
  // FIDO2 AAGUID / certificate restrictions: kept, not enforced (the flow input has no AAGUID). See README.
  combinationConfigurations: z.array(z.looseObject({})).nullish(),
});

export type AuthenticationStrengthPolicy = z.infer<typeof authenticationStrengthPolicySchema>;

/**
 * A policy's `grantControls.authenticationStrength` when a Graph export carries the whole strength object (with its
 * allowed combinations), not only a reference by id; null for a bare reference.
 */
export function expandedStrengthOf(reference: unknown): AuthenticationStrengthPolicy | null {
  const parsed = authenticationStrengthPolicySchema.safeParse(reference);
  return parsed.success ? parsed.data : null;
}
