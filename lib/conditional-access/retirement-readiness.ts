// "Who loses the ability to reset or sign in on that date, and what should they register" (issue 15): for a tenant
// compiled with an "as of" date, every user whose registered methods include one retired by then (SMS and voice
// from 1 February 2027, method-availability.ts), whether their remaining usable methods still complete
// multifactor authentication (any combination of the built-in Multifactor authentication strength,
// concept-authentication-strengths), and which allowed methods to register: a passkey (FIDO2) first, as Entra's
// own prompt does, then Microsoft Authenticator, then an OATH software token.
import type { AuthenticationMethodMode } from './authentication-method-mode';
import { isStrengthMet } from './authentication-strength-match';
import { multifactorStrengthId } from './built-in-authentication-strengths';
import type { CompiledTenant } from './compiled-model';
import { methodBit } from './method-mask';

export type RetirementImpact = {
  userId: string;
  userPrincipalName: string;
  /** Registered methods retired as of the tenant's date. */
  retiredMethods: AuthenticationMethodMode[];
  /** What still works. */
  usableMethods: AuthenticationMethodMode[];
  /** False: the user can no longer complete MFA (sign-ins and resets that need it stop). */
  keepsMultifactor: boolean;
  /** Allowed, not yet registered methods to register, best first (empty when keepsMultifactor). */
  register: AuthenticationMethodMode[];
};

const replacements: readonly AuthenticationMethodMode[] = ['fido2', 'microsoftAuthenticatorPush', 'softwareOath'];

export function findRetirementImpact(tenant: CompiledTenant): RetirementImpact[] {
  const multifactor = tenant.strengths.get(multifactorStrengthId);
  const impacts: RetirementImpact[] = [];
  for (const user of tenant.users) {
    const retired = user.methodRestrictions.filter((r) => r.reason === 'retired').map((r) => r.method);
    if (retired.length === 0) continue;
    const keepsMultifactor = multifactor ? isStrengthMet(multifactor, user.usableMask) : false;
    impacts.push({
      userId: user.id,
      userPrincipalName: user.userPrincipalName,
      retiredMethods: retired,
      usableMethods: [...user.usableMethods],
      keepsMultifactor,
      register: keepsMultifactor
        ? []
        : replacements.filter((m) => (user.allowedMask & methodBit(m)) !== 0 && !user.registeredMethods.includes(m)),
    });
  }
  return impacts;
}
