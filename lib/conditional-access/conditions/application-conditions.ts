// Target resources (concept-conditional-access-cloud-apps): applications (All, None, Office365,
// MicrosoftAdminPortals, app ids, exclusions), user actions, and authentication contexts c1..c99.
import { defineCheck } from '../condition-check';
import type { CheckInput } from '../compiled-model';
import { microsoftAdminPortalIds, office365ApplicationIds } from '../office365-applications';

function isInList(list: ReadonlySet<string>, appId: string): boolean {
  if (list.has(appId)) return true;
  if (list.has('Office365') && (appId === 'Office365' || office365ApplicationIds.has(appId))) return true;
  return list.has('MicrosoftAdminPortals') && (appId === 'MicrosoftAdminPortals' || microsoftAdminPortalIds.has(appId));
}

/**
 * Whether a sign-in to the tenant's application `appIndex` alone meets the policy's application condition: the
 * cell of CompiledTenant.applicationTargets, which What-If reads instead of calling the check.
 */
export function isApplicationIndexTargeted(policy: CheckInput['policy'], appIndex: number): boolean {
  const apps = policy.applications;
  // An application filter needs custom security attributes, which the tenant document doesn't carry: an
  // include-mode filter matches no app, an exclude-mode filter excludes none (README, documented choice).
  if (apps.filterMode === 'include' && !apps.includesAll) return false;
  return apps.targetedByAppIndex[appIndex] === 1;
}

function isApplicationTargeted({ policy, signIn }: CheckInput): boolean {
  const apps = policy.applications;
  if (apps.filterMode === 'include' && !apps.includesAll) return false;
  const ids = signIn.applicationIds;
  const indices = signIn.applicationIndices;
  for (let i = 0; i < ids.length; i++) {
    const appIndex = indices[i] ?? -1;
    if (appIndex >= 0) {
      if (isApplicationIndexTargeted(policy, appIndex)) return true;
      continue;
    }
    const appId = ids[i] ?? '';
    // "None" is never an app id, so it includes nothing; Office365 / admin portals are expanded at compile time.
    if ((apps.includesAll || apps.includeExpanded.has(appId)) && !apps.excludeExpanded.has(appId)) return true;
  }
  return false;
}

export const applicationCheck = defineCheck(
  'application',
  'The application signed in to is among the policy target resources and not excluded.',
  (input) => input.signIn.contextKind !== 'application' || isApplicationTargeted(input),
  ({ tenant, policy, signIn }) => {
    const apps = policy.applications;
    const name = (id: string): string => tenant.applicationNameById.get(id) ?? id;
    if (!apps.hasApplicationTargets)
      return 'This policy targets user actions or authentication contexts, not applications.';
    const excluded = signIn.applicationIds.filter((id) => isInList(apps.exclude, id));
    return excluded.length > 0
      ? `The application ${excluded.map(name).join(', ')} is excluded from this policy.`
      : `The application ${signIn.applicationIds.map(name).join(', ')} is not among this policy's target resources.`;
  },
  // The indices are looked up from the ids in the same tenant, so the ids say everything the check reads.
  { signInKey: (s) => (s.contextKind === 'application' ? JSON.stringify(s.applicationIds) : '') },
);

// Registering security information is in scope of the policies that target that user action and of the
// policies that target "All resources": Graph's own example for conditionalAccessRoot: evaluate (a
// registerSecurityInformation request) returns an includeApplications ["All"] policy as applying, and the
// authentication-strength page says that during security-info registration "all other grant controls ... from
// other Conditional Access policies in scope for the sign-in will apply as usual"
// (concept-authentication-strengths, security info registration). Device registration is
// not covered by "All resources" (no Microsoft sentence says it is: README, documented choices).
const securityInfoAction = 'urn:user:registersecurityinfo';

export function isUserActionTargeted(policy: CheckInput['policy'], userAction: string): boolean {
  const apps = policy.applications;
  if (apps.userActions.has(userAction)) return true;
  return userAction === securityInfoAction && apps.includesAll;
}

export const userActionsCheck = defineCheck(
  'userActions',
  'The user action (register security info, register or join devices) is targeted by the policy.',
  ({ policy, signIn }) => signIn.contextKind !== 'userAction' || isUserActionTargeted(policy, signIn.userAction ?? ''),
  ({ signIn }) => `This policy does not target the user action ${signIn.userAction ?? ''}.`,
  { signInKey: (s) => (s.contextKind === 'userAction' ? `a${s.userAction ?? ''}` : '') },
);

export const authenticationContextCheck = defineCheck(
  'authenticationContext',
  'The authentication context requested by the app is targeted by the policy.',
  ({ policy, signIn }) =>
    signIn.contextKind !== 'authContext' ||
    policy.applications.authenticationContexts.has(signIn.authenticationContext ?? ''),
  ({ signIn }) => `This policy does not target authentication context ${signIn.authenticationContext ?? ''}.`,
  { signInKey: (s) => (s.contextKind === 'authContext' ? `c${s.authenticationContext ?? ''}` : '') },
);
