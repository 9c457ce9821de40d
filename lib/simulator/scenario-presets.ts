// The three situations every Entra admin meets around self-service reset (issue 6, item 7), as ready-made views
// over the chosen policy set: the trusted-network MFA exemption that leaves the reset portal open at the office,
// the dedicated "Passwordless MFA for the reset portal and the service desk" policy (the engine's recommended
// fix, concept-authentication-strengths), and password + push users who cannot reset through Entra.
import { passwordlessStrengthId } from '../conditional-access/built-in-authentication-strengths';
import type { ConditionalAccessPolicy } from '../conditional-access/policy-schema';
import type { Tenant } from '../conditional-access/tenant-schema';

export const scenarioPresetIds = [
  'trustedNetworkExemption',
  'resetPortalPasswordless',
  'pushOnlyUsersCannotReset',
] as const;
export type ScenarioPresetId = (typeof scenarioPresetIds)[number];

export type ScenarioPreset = {
  id: ScenarioPresetId;
  view: 'what-if' | 'matrix' | 'blast-radius';
  /** Query state for the view (What-If / matrix) or the blast-radius form. */
  query: Record<string, string>;
};

const isTagged = (tags: unknown, pattern: RegExp): boolean =>
  Array.isArray(tags) && tags.some((t) => pattern.test(String(t)));

/** Reset and service-desk apps: tagged `verity:passwordReset` / `verity:serviceDeskVerification`, else by name. */
export function resetAndDeskApplications(tenant: Pick<Tenant, 'applications'>): {
  resetAppId?: string;
  deskAppId?: string;
} {
  const apps = tenant.applications ?? [];
  const reset = apps.find((a) => isTagged(a.tags, /passwordReset/i)) ?? apps.find((a) => /reset/i.test(a.displayName));
  const desk =
    apps.find((a) => isTagged(a.tags, /serviceDesk/i)) ??
    apps.find((a) => /service.?desk|help.?desk|portal/i.test(a.displayName) && a !== reset);
  return { resetAppId: reset?.appId, deskAppId: desk?.appId };
}

/** The recommended policy: Passwordless MFA strength for the reset portal and the service desk, any network. */
export function recommendedResetPortalPolicy(
  tenant: Pick<Tenant, 'applications' | 'groups'>,
  id: string,
): ConditionalAccessPolicy {
  const { resetAppId, deskAppId } = resetAndDeskApplications(tenant);
  const emergencyGroups = (tenant.groups ?? [])
    .filter((g) => /emergency|break.?glass/i.test(g.displayName))
    .map((g) => g.id);
  return {
    id,
    displayName: 'Require Passwordless MFA for the reset portal and the service desk (any network)',
    state: 'enabled',
    conditions: {
      users: {
        includeUsers: ['All'],
        excludeUsers: [],
        includeGroups: [],
        excludeGroups: emergencyGroups,
        includeRoles: [],
        excludeRoles: [],
      },
      applications: {
        includeApplications: [resetAppId, deskAppId].filter((a): a is string => a !== undefined),
        excludeApplications: [],
      },
      clientAppTypes: ['all'],
      locations: null,
    },
    grantControls: { operator: 'OR', builtInControls: [], authenticationStrength: { id: passwordlessStrengthId } },
    sessionControls: null,
  };
}

function firstUser(tenant: Pick<Tenant, 'users'>, methods: readonly string[]): string | undefined {
  const wanted = [...methods].sort().join(',');
  return tenant.users.find((u) => [...(u.authenticationMethods ?? [])].sort().join(',') === wanted)?.userPrincipalName;
}

export function scenarioPreset(
  id: ScenarioPresetId,
  tenant: Pick<Tenant, 'users' | 'applications' | 'groups'>,
  trustedLocationId: string | undefined,
): ScenarioPreset {
  const { resetAppId } = resetAndDeskApplications(tenant);
  const app = resetAppId ?? tenant.applications[0]?.appId ?? '';
  const pushUser =
    firstUser(tenant, ['password', 'microsoftAuthenticatorPush']) ?? tenant.users[0]?.userPrincipalName ?? '';
  if (id === 'trustedNetworkExemption') {
    const passwordOnly = firstUser(tenant, ['password']) ?? pushUser;
    return {
      id,
      view: 'what-if',
      query: { user: passwordOnly, app, ...(trustedLocationId && { location: trustedLocationId }), client: 'browser' },
    };
  }
  if (id === 'resetPortalPasswordless')
    return {
      id,
      view: 'blast-radius',
      query: { app, preset: 'resetPortalPasswordless', ...(trustedLocationId && { location: trustedLocationId }) },
    };
  return { id, view: 'matrix', query: { user: pushUser, app } };
}
