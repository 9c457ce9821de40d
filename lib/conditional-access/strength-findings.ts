// Findings about authentication requirements users cannot meet with what they have registered
// (concept-authentication-strength-how-it-works: no registered method -> registration interrupt or blocked).
import { countedText, engineText, joined } from './engine-text';
import { interruptRegistrableModes, isAuthenticationMethodMode } from './authentication-method-mode';
import { isStrengthMet } from './authentication-strength-match';
import { multifactorStrengthId } from './built-in-authentication-strengths';
import type { CompiledTenant } from './compiled-model';
import { userIncluded, userScopeAt } from './user-scope-matrix';
import { findingTexts, isActivePolicy, type Finding } from './finding';

export function strengthFindings(tenant: CompiledTenant, cap: number): Finding[] {
  const findings: Finding[] = [];
  for (const policy of tenant.policies.filter(isActivePolicy)) {
    for (const requirement of policy.grant.requirements) {
      if (requirement.kind !== 'mfa' && requirement.kind !== 'authenticationStrength') continue;
      const strength = requirement.strength;
      const registrable = strength.allowedCombinations.filter((c) =>
        c.split(',').every((part) => {
          const mode = part.trim();
          return mode === 'password' || (isAuthenticationMethodMode(mode) && interruptRegistrableModes.has(mode));
        }),
      );
      const users: string[] = [];
      let count = 0;
      for (const user of tenant.users) {
        if (userScopeAt(tenant.userScopes, user.index, policy.index) !== userIncluded) continue;
        if (isStrengthMet(strength, user.usableMask)) continue;
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
              ...findingTexts(
                countedText('finding.usersWithoutMfaMethod.message', count, { policy: policy.displayName }),
                engineText('finding.usersWithoutMfaMethod.recommendation'),
              ),
              policyIds: [policy.id],
              userIds: users,
            }
          : {
              id: `strengthUnreachableForUsers:${policy.id}:${strength.id}`,
              severity: 'high',
              code: 'strengthUnreachableForUsers',
              ...findingTexts(
                countedText('finding.strengthUnreachableForUsers.message', count, {
                  policy: policy.displayName,
                  strength: strength.displayName,
                  consequence:
                    registrable.length > 0
                      ? engineText('finding.strengthUnreachableForUsers.stoppedUntilRegistered', {
                          methods: joined('or', registrable),
                        })
                      : engineText('finding.strengthUnreachableForUsers.blocked'),
                }),
                engineText('finding.strengthUnreachableForUsers.recommendation', { strength: strength.displayName }),
              ),
              policyIds: [policy.id],
              userIds: users,
            },
      );
    }
  }
  return findings;
}
