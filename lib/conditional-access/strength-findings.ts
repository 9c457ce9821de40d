// Findings about authentication requirements users cannot meet with what they have registered
// (concept-authentication-strength-how-it-works: no registered method -> registration interrupt or blocked).
import { interruptRegistrableModes } from './authentication-method-mode';
import { isStrengthMet } from './authentication-strength-match';
import { multifactorStrengthId } from './built-in-authentication-strengths';
import type { CompiledTenant } from './compiled-model';
import { isActivePolicy, type Finding } from './finding';

export function strengthFindings(tenant: CompiledTenant, cap: number): Finding[] {
  const findings: Finding[] = [];
  const stride = tenant.policies.length;
  for (const policy of tenant.policies.filter(isActivePolicy)) {
    for (const requirement of policy.grant.requirements) {
      if (requirement.kind !== 'mfa' && requirement.kind !== 'authenticationStrength') continue;
      const strength = requirement.strength;
      const registrable = strength.allowedCombinations.filter((c) =>
        c.split(',').every((m) => interruptRegistrableModes.has(m.trim() as never) || m.trim() === 'password'),
      );
      const users: string[] = [];
      let count = 0;
      for (const user of tenant.users) {
        if (tenant.userScopes[user.index * stride + policy.index] !== 1) continue;
        if (isStrengthMet(strength, user.registeredMask)) continue;
        count++;
        if (users.length < cap) users.push(user.id);
      }
      if (count === 0) continue;
      const isMfa = strength.id === multifactorStrengthId;
      findings.push(
        isMfa
          ? {
              id: `usersWithoutMfaMethod:${policy.id}`,
              severity: 'medium',
              code: 'usersWithoutMfaMethod',
              message: `"${policy.displayName}" requires MFA but ${count} targeted user(s) have no MFA method registered: at their next sign-in Entra asks them to register one, and whoever holds their password can do it first.`,
              recommendation:
                'Have these users register MFA under supervision (for example with a Temporary Access Pass issued by the service desk), and protect "Register security information" with its own policy.',
              policyIds: [policy.id],
              userIds: users,
            }
          : {
              id: `strengthUnreachableForUsers:${policy.id}:${strength.id}`,
              severity: 'high',
              code: 'strengthUnreachableForUsers',
              message: `"${policy.displayName}" requires "${strength.displayName}" but ${count} targeted user(s) have no registered method that meets it: ${registrable.length > 0 ? `they are stopped at sign-in until they register ${registrable.join(' or ')} in interrupt mode` : 'they are blocked, because none of its methods can be registered at sign-in'}.`,
              recommendation: `Register a method of "${strength.displayName}" for these users before enforcing (FIDO2 passkeys, Authenticator phone sign-in or Windows Hello), or exclude them until they have.`,
              policyIds: [policy.id],
              userIds: users,
            },
      );
    }
  }
  return findings;
}
