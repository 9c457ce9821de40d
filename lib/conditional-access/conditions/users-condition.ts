// Users and workload identities (concept-conditional-access-users-groups): include All / None / users / groups
// (nested) / directory roles / guest types; exclusion overrides inclusion. Precomputed per policy in compile-policy.
import { defineCheck } from '../condition-check';
import { userExcluded, userIncluded, userScopeAt } from '../user-scope-matrix';

export const usersCheck = defineCheck(
  'users',
  'The signed-in user is included in the policy and not excluded from it.',
  ({ tenant, policy, userIndex }) => {
    // A service principal sign-in is judged by the workload identities check instead.
    if (userIndex < 0) return policy.servicePrincipals !== null;
    return userScopeAt(tenant.userScopes, userIndex, policy.index) === userIncluded;
  },
  ({ tenant, policy, userIndex }) => {
    const user = tenant.userAt(userIndex);
    if (!user) return 'The sign-in is not a user sign-in, and this policy targets users.';
    return userScopeAt(tenant.userScopes, userIndex, policy.index) === userExcluded
      ? `${user.userPrincipalName} is excluded from this policy (exclusion wins over inclusion).`
      : `${user.userPrincipalName} is not among the users, groups, roles or guest types this policy includes.`;
  },
  { isUserIndependent: false },
);

export const workloadIdentitiesCheck = defineCheck(
  'workloadIdentities',
  'A service principal sign-in is targeted by the policy (conditions.clientApplications).',
  ({ policy, signIn }) => {
    const sp = policy.servicePrincipals;
    const id = signIn.servicePrincipalId;
    if (id === null) return true; // user sign-in: judged by the users check
    if (!sp) return false;
    return (sp.includeAll || sp.include.has(id)) && !sp.exclude.has(id);
  },
  () => 'The service principal is not targeted by this policy.',
  { signInKey: (s) => (s.servicePrincipalId === null ? '' : `s${s.servicePrincipalId}`) },
);
