import 'server-only';
// Readiness to reset with Microsoft Entra MFA, from Microsoft Graph (client credentials: users,
// authentication/methods, transitiveMemberOf, Conditional Access policies, named locations, authentication
// strengths) and the Conditional Access engine: for each passwordless method a user has, would a sign-in
// that starts with it (password forgotten) be granted for the reset app?
import { z } from 'zod';
import type { AuthenticationMethodMode } from '../../lib/conditional-access/authentication-method-mode';
import { compileTenant } from '../../lib/conditional-access/compile-tenant';
import type { CompiledTenant } from '../../lib/conditional-access/compiled-model';
import { parseTenant, parseWhatIfRequest } from '../../lib/conditional-access/parse-input';
import { evaluateSignInFlow } from '../../lib/conditional-access/sign-in-flow';
import { classifyReadiness, modesOf, type ReadinessReason } from '../../lib/reset/reset-readiness';
import { getConfig } from '../config';
import { graphRequest } from '../graph/graph-client';
import { listAuthenticationMethods, onPremisesIdentityOf, type GraphUser, graphUserSchema } from '../graph/users';
import { productionServices } from '../context/production-services';
import { onPremisesAccountView, type DeskOnPremisesView } from '../hybrid/desk-on-premises';
import type { OnPremisesDirectories } from '../hybrid/on-premises-directories';
import { directoryMethodOf } from '../reset/graph-reset-directory';

export type UserReadiness = {
  id: string;
  userPrincipalName: string;
  displayName: string;
  reason: ReadinessReason;
  /** The policy that blocks a passwordless sign-in to the reset app (blockedByPolicy only). */
  detail?: string;
  /** What the user has registered, as sign-in modes (shown on /admin/readiness: what is there, what is missing). */
  methods: AuthenticationMethodMode[];
  /** Synced users: AD's lockout and refusals, or why Verity cannot serve the account (hybrid-ad.md). */
  onPremises: DeskOnPremisesView;
};
export type ReadinessReport = { users: UserReadiness[]; counts: Record<ReadinessReason, number> & { total: number } };

const collection = <T extends z.ZodType>(item: T) => z.object({ value: z.array(item) });
const loose = z.looseObject({ id: z.string() });

async function inBatches<T, R>(
  items: readonly T[],
  size: number,
  run: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let index = 0; index < items.length; index += size)
    results.push(...(await Promise.all(items.slice(index, index + size).map((item, at) => run(item, index + at)))));
  return results;
}

async function loadPolicies() {
  const [policies, locations, strengths] = await Promise.all([
    graphRequest('GET', '/identity/conditionalAccess/policies', { schema: collection(loose) }),
    graphRequest('GET', '/identity/conditionalAccess/namedLocations', { schema: collection(loose) }),
    graphRequest('GET', '/identity/conditionalAccess/authenticationStrength/policies', { schema: collection(loose) }),
  ]);
  return {
    conditionalAccessPolicies: policies.value,
    namedLocations: locations.value,
    authenticationStrengthPolicies: strengths.value,
  };
}

const userFields =
  'id,userPrincipalName,displayName,userType,accountEnabled,onPremisesSyncEnabled,onPremisesSecurityIdentifier,' +
  'onPremisesSamAccountName,onPremisesDomainName,onPremisesDistinguishedName';

async function withOnPremises(
  readiness: Omit<UserReadiness, 'onPremises'>,
  user: GraphUser,
  directories: OnPremisesDirectories,
): Promise<UserReadiness> {
  const identity = onPremisesIdentityOf(user);
  const onPremises: DeskOnPremisesView = identity
    ? await onPremisesAccountView(directories, { id: user.id, onPremises: identity }, new Date())
    : { source: 'entra' };
  return { ...readiness, onPremises };
}

async function tenantUserOf(user: GraphUser) {
  const [methods, groups] = await Promise.all([
    listAuthenticationMethods(user.id),
    graphRequest('GET', `/users/${encodeURIComponent(user.id)}/transitiveMemberOf`, { schema: collection(loose) }),
  ]);
  const modes = modesOf(methods.map(directoryMethodOf));
  return {
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName ?? user.userPrincipalName,
    userType: user.userType === 'Guest' ? ('Guest' as const) : ('Member' as const),
    memberOf: groups.value.map((g) => g.id),
    authenticationMethods: modes,
  };
}

function readinessOf(
  tenant: CompiledTenant,
  appId: string,
  user: Awaited<ReturnType<typeof tenantUserOf>>,
): Omit<UserReadiness, 'onPremises'> {
  const classified = classifyReadiness(user.authenticationMethods, (mode) => {
    const request = parseWhatIfRequest(
      {
        signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', userId: user.id },
        signInContext: { '@odata.type': '#microsoft.graph.applicationContext', includeApplications: [appId] },
        signInConditions: { clientAppType: 'browser' },
      },
      'readiness',
    );
    const result = evaluateSignInFlow(tenant, request, { methods: [mode], passwordForgotten: true });
    const blocking = result.reasons.find((reason) => reason.policyId);
    const policy = blocking
      ? result.appliedPolicies.find((applied) => applied.id === blocking.policyId)?.displayName
      : undefined;
    return { outcome: result.outcome, ...(policy ? { policy } : {}) };
  });
  return {
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName,
    reason: classified.reason,
    methods: user.authenticationMethods,
    ...(classified.detail ? { detail: classified.detail } : {}),
  };
}

async function buildTenant(users: GraphUser[]) {
  const config = getConfig();
  const [policies, tenantUsers] = await Promise.all([loadPolicies(), inBatches(users, 8, tenantUserOf)]);
  const groupIds = [...new Set(tenantUsers.flatMap((u) => u.memberOf))];
  const document = {
    tenantId: config.ENTRA_TENANT_ID,
    domain: 'tenant',
    users: tenantUsers,
    // Membership comes from each user's transitiveMemberOf, so groups need no member lists here.
    groups: groupIds.map((id) => ({ id, displayName: id, members: [] })),
    applications: [{ appId: config.ENTRA_RESET_CLIENT_ID, displayName: 'Verity Password Reset' }],
    ...policies,
  };
  return {
    compiled: compileTenant(parseTenant(document, 'Microsoft Graph')),
    tenantUsers,
    appId: config.ENTRA_RESET_CLIENT_ID,
  };
}

/** Every user (first 999; Graph paging is not followed in this version). */
export async function resetReadinessReport(
  directories: OnPremisesDirectories = productionServices().directory.onPremises,
): Promise<ReadinessReport> {
  const users = await graphRequest('GET', `/users?$select=${userFields}&$top=999`, {
    schema: collection(graphUserSchema),
  });
  const { compiled, tenantUsers, appId } = await buildTenant(users.value);
  const readiness = await inBatches(tenantUsers, 8, (user, index) =>
    withOnPremises(readinessOf(compiled, appId, user), users.value[index] ?? user, directories),
  );
  const counts = {
    total: readiness.length,
    ready: 0,
    passwordFirstSignIn: 0,
    noMethodRegistered: 0,
    blockedByPolicy: 0,
  };
  for (const entry of readiness) counts[entry.reason] += 1;
  return { users: readiness, counts };
}

/** One user's readiness (for /account). */
export async function resetReadinessOf(
  oid: string,
  directories: OnPremisesDirectories = productionServices().directory.onPremises,
): Promise<UserReadiness> {
  const user = await graphRequest('GET', `/users/${encodeURIComponent(oid)}?$select=${userFields}`, {
    schema: graphUserSchema,
  });
  const { compiled, tenantUsers, appId } = await buildTenant([user]);
  const [tenantUser] = tenantUsers;
  if (!tenantUser) throw new Error('user not loaded');
  return withOnPremises(readinessOf(compiled, appId, tenantUser), user, directories);
}
