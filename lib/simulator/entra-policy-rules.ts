// Rules Entra enforces when a policy is created or updated, which the engine only reports as an
// `invalidPolicy` at evaluation time. The editor and the import refuse them up front, with the JSON path,
// so an admin never stores a policy Entra would reject (Graph: conditionalaccesspolicy, create; "Require
// authentication strength" cannot be combined with "Require multifactor authentication",
// concept-authentication-strengths; "Block access" is exclusive in the grant blade,
// concept-conditional-access-grant).
import { AppError } from '../app-error';
import { builtInAuthenticationStrengths } from '../conditional-access/built-in-authentication-strengths';
import type { ConditionalAccessPolicy } from '../conditional-access/policy-schema';

function reject(source: string, path: string, message: string): never {
  throw new AppError('INVALID_INPUT', `${source} ${path}: ${message}`, { source, path });
}

/** Throws INVALID_INPUT naming `$<prefix>.…` when the policy breaks a rule Entra enforces on create. */
export function assertEntraPolicyRules(
  policy: ConditionalAccessPolicy,
  source: string,
  prefix: string,
  knownStrengthIds: ReadonlySet<string>,
): void {
  const grant = policy.grantControls;
  const controls = grant?.builtInControls ?? [];
  const strength = grant?.authenticationStrength;
  if (strength && controls.includes('mfa')) {
    reject(
      source,
      `${prefix}.grantControls`,
      '"mfa" and an authenticationStrength cannot be required by one policy (Entra refuses it; use the Multifactor authentication strength instead)',
    );
  }
  if (
    controls.includes('block') &&
    (controls.length > 1 ||
      strength ||
      (grant?.termsOfUse ?? []).length > 0 ||
      (grant?.customAuthenticationFactors ?? []).length > 0)
  ) {
    reject(source, `${prefix}.grantControls.builtInControls`, '"block" cannot be combined with other grant controls');
  }
  if (strength && !('allowedCombinations' in strength) && !knownStrengthIds.has(strength.id)) {
    reject(
      source,
      `${prefix}.grantControls.authenticationStrength.id`,
      `"${strength.id}" is neither a built-in authentication strength nor one in this policy set`,
    );
  }
  const users = policy.conditions?.users;
  const includesSomeone =
    (users?.includeUsers ?? []).length > 0 ||
    (users?.includeGroups ?? []).length > 0 ||
    (users?.includeRoles ?? []).length > 0 ||
    Boolean(users?.includeGuestsOrExternalUsers);
  if (!includesSomeone) {
    reject(
      source,
      `${prefix}.conditions.users`,
      'must include users, groups, roles or guests (use ["None"] to target nobody)',
    );
  }
  const apps = policy.conditions?.applications;
  const includesResource =
    (apps?.includeApplications ?? []).length > 0 ||
    (apps?.includeUserActions ?? []).length > 0 ||
    (apps?.includeAuthenticationContextClassReferences ?? []).length > 0;
  if (!includesResource) {
    reject(
      source,
      `${prefix}.conditions.applications`,
      'must include applications, a user action or an authentication context',
    );
  }
}

export function strengthIdsOf(custom: readonly { id: string }[]): Set<string> {
  return new Set([...builtInAuthenticationStrengths.map((s) => s.id), ...custom.map((s) => s.id)]);
}
