import 'server-only';
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import type { OnPremisesIdentity } from '../../lib/ad/source-of-authority';
import { graphRequest } from './graph-client';

// The Graph user calls that the reset portal, the service desk and the readiness dashboard share.
// Shapes follow Graph v1.0 (user, authentication methods, signInPreferences); unknown fields pass through.
export const graphUserSchema = z.looseObject({
  id: z.string(),
  userPrincipalName: z.string(),
  displayName: z.string().nullable().optional(),
  userType: z.string().nullable().optional(),
  accountEnabled: z.boolean().nullable().optional(),
  mail: z.string().nullable().optional(),
  mobilePhone: z.string().nullable().optional(),
  otherMails: z.array(z.string()).optional(),
  // Source of authority (user resource): true for users synced from on-premises AD by Entra Connect or
  // Cloud Sync; their password is written to AD, matched by onPremisesSecurityIdentifier.
  onPremisesSyncEnabled: z.boolean().nullable().optional(),
  onPremisesSecurityIdentifier: z.string().nullable().optional(),
  onPremisesSamAccountName: z.string().nullable().optional(),
  onPremisesDomainName: z.string().nullable().optional(),
  onPremisesDistinguishedName: z.string().nullable().optional(),
});
export type GraphUser = z.infer<typeof graphUserSchema>;

const userCollectionSchema = z.object({ value: z.array(graphUserSchema) });

export const authenticationMethodSchema = z.looseObject({ '@odata.type': z.string(), id: z.string() });
export type GraphAuthenticationMethod = z.infer<typeof authenticationMethodSchema>;

const userSelect =
  '$select=id,userPrincipalName,displayName,userType,accountEnabled,mail,mobilePhone,otherMails,' +
  'onPremisesSyncEnabled,onPremisesSecurityIdentifier,onPremisesSamAccountName,onPremisesDomainName,' +
  'onPremisesDistinguishedName';

/** The onPremises* properties of a synced user; null for a cloud-only user (onPremisesSyncEnabled not true). */
export function onPremisesIdentityOf(user: GraphUser): OnPremisesIdentity | null {
  if (user.onPremisesSyncEnabled !== true) return null;
  return {
    securityIdentifier: user.onPremisesSecurityIdentifier ?? null,
    samAccountName: user.onPremisesSamAccountName ?? null,
    domainName: user.onPremisesDomainName ?? null,
    distinguishedName: user.onPremisesDistinguishedName ?? null,
  };
}

/** OData string literal: single quotes doubled (OData ABNF), so a username cannot break out of the filter. */
function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The user whose UPN or mail is `username` (case-insensitive), or undefined. */
export async function findUserByUsername(username: string): Promise<GraphUser | undefined> {
  const literal = odataString(username.trim());
  const filter = encodeURIComponent(`userPrincipalName eq ${literal} or mail eq ${literal}`);
  const result = await graphRequest('GET', `/users?$filter=${filter}&${userSelect}`, { schema: userCollectionSchema });
  return result.value[0];
}

export async function getUser(id: string): Promise<GraphUser> {
  return graphRequest('GET', `/users/${encodeURIComponent(id)}?${userSelect}`, { schema: graphUserSchema });
}

/** Users whose display name, UPN, mail or mobile phone contains `term` (Graph $search, ConsistencyLevel: eventual). */
export async function searchUsers(term: string, top = 25): Promise<GraphUser[]> {
  const clean = term.replace(/["\\]/g, '').trim();
  if (!clean) return [];
  const search = ['displayName', 'userPrincipalName', 'mail', 'mobilePhone']
    .map((field) => `"${field}:${clean}"`)
    .join(' OR ');
  const result = await graphRequest('GET', `/users?$search=${encodeURIComponent(search)}&$top=${top}&${userSelect}`, {
    headers: { ConsistencyLevel: 'eventual' },
    schema: userCollectionSchema,
  });
  return result.value;
}

export async function listAuthenticationMethods(userId: string): Promise<GraphAuthenticationMethod[]> {
  const result = await graphRequest('GET', `/users/${encodeURIComponent(userId)}/authentication/methods`, {
    schema: z.object({ value: z.array(authenticationMethodSchema) }),
  });
  return result.value;
}

export const signInPreferencesSchema = z.looseObject({
  isSystemPreferredAuthenticationMethodEnabled: z.boolean().nullable().optional(),
  userPreferredMethodForSecondaryAuthentication: z.string().nullable().optional(),
  systemPreferredAuthenticationMethod: z.string().nullable().optional(),
});

export async function getSignInPreferences(userId: string): Promise<z.infer<typeof signInPreferencesSchema>> {
  return graphRequest('GET', `/users/${encodeURIComponent(userId)}/authentication/signInPreferences`, {
    schema: signInPreferencesSchema,
  });
}

/**
 * Writes a new password (Graph `PATCH /users/{id}` passwordProfile). Entra's refusal (complexity, banned
 * password) arrives as INVALID_INPUT carrying Entra's own message for the page to show.
 */
export async function setUserPassword(
  userId: string,
  password: string,
  forceChangePasswordNextSignIn = false,
): Promise<void> {
  await graphRequest('PATCH', `/users/${encodeURIComponent(userId)}`, {
    body: { passwordProfile: { password, forceChangePasswordNextSignIn } },
    schema: z.unknown(),
  });
}

/**
 * Ends a smart-lockout period. Graph has no public unlock call; the mock serves `POST /users/{id}/unlock`.
 * Against real Entra, smart lockout ends by itself or with an admin password reset; see docs/reset-portal.md.
 */
export async function unlockUser(userId: string): Promise<{ wasLocked: boolean }> {
  const result = await graphRequest('POST', `/users/${encodeURIComponent(userId)}/unlock`, {
    schema: z.object({ wasLocked: z.boolean() }).partial(),
  });
  if (result.wasLocked === undefined) throw new AppError('UPSTREAM_ERROR', 'Unlock answered in an unexpected shape.');
  return { wasLocked: result.wasLocked };
}
