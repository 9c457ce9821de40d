import 'server-only';
// The desk's directory over Microsoft Graph (app-only, the portal app's client credentials). Works the
// same against the mock Entra and graph.microsoft.com, except the unlock call (mock extension; see
// server/graph/users.ts) and the lockout view, which reads the sign-in logs (error 50053, "account is
// locked", AuditLog.Read.All) because Graph exposes no lockout state.
import { z } from 'zod';
import type { DirectoryObject } from '../../lib/desk/target-privilege';
import { graphRequest } from '../graph/graph-client';
import {
  getSignInPreferences,
  getUser,
  listAuthenticationMethods,
  onPremisesIdentityOf,
  searchUsers,
  unlockUser,
  type GraphAuthenticationMethod,
  type GraphUser,
} from '../graph/users';
import type { DeskDirectory, DeskDirectoryUser, RegisteredMethod } from './desk-directory';

const path = (id: string) => `/users/${encodeURIComponent(id)}`;

function directoryUser(user: GraphUser): DeskDirectoryUser {
  return {
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName ?? user.userPrincipalName,
    mail: user.mail ?? null,
    mobilePhone: user.mobilePhone ?? null,
    otherMails: user.otherMails ?? [],
    accountEnabled: user.accountEnabled ?? true,
    onPremises: onPremisesIdentityOf(user),
  };
}

/** '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod' → 'microsoftAuthenticator'. */
export function methodType(odataType: string): string {
  return odataType.replace('#microsoft.graph.', '').replace(/AuthenticationMethod$/, '');
}

// Only the last two digits of a phone number are shown: the agent must not be able to read a full
// number of record to a caller who then "confirms" it (CISA help-desk guidance).
function maskedPhone(value: unknown): string | null {
  if (typeof value !== 'string' || value.length < 2) return null;
  return `••• ${value.slice(-2)}`;
}

function registeredMethod(method: GraphAuthenticationMethod): RegisteredMethod {
  const type = methodType(method['@odata.type']);
  const label =
    type === 'phone'
      ? maskedPhone(method.phoneNumber)
      : typeof method.displayName === 'string'
        ? method.displayName
        : null;
  return { type, id: method.id, label };
}

const directoryObjects = z.object({
  value: z.array(
    z.looseObject({
      '@odata.type': z.string(),
      id: z.string(),
      displayName: z.string().nullish(),
      roleTemplateId: z.string().nullish(),
    }),
  ),
});
const signInLogs = z.object({
  value: z.array(
    z.looseObject({ createdDateTime: z.string(), status: z.looseObject({ errorCode: z.number() }).nullish() }),
  ),
});
const createdPass = z.looseObject({
  id: z.string(),
  temporaryAccessPass: z.string(),
  lifetimeInMinutes: z.number(),
  isUsableOnce: z.boolean(),
  startDateTime: z.string().nullish(),
});

export const graphDeskDirectory: DeskDirectory = {
  searchUsers: async (query) => (await searchUsers(query)).map(directoryUser),
  getUser: async (id) => directoryUser(await getUser(id)),
  listAuthenticationMethods: async (id) => (await listAuthenticationMethods(id)).map(registeredMethod),
  async defaultSignInMethod(id) {
    const preferences = await getSignInPreferences(id);
    return (
      preferences.systemPreferredAuthenticationMethod ??
      preferences.userPreferredMethodForSecondaryAuthentication ??
      null
    );
  },
  async listTransitiveMemberOf(id): Promise<DirectoryObject[]> {
    // Both lists, united: memberOf always carries directory roles, transitiveMemberOf adds nested groups.
    const [direct, transitive] = await Promise.all([
      graphRequest('GET', `${path(id)}/memberOf`, { schema: directoryObjects }),
      graphRequest('GET', `${path(id)}/transitiveMemberOf`, { schema: directoryObjects }),
    ]);
    const byId = new Map(
      [...direct.value, ...transitive.value].map((entry) => [`${entry['@odata.type']}:${entry.id}`, entry]),
    );
    return [...byId.values()];
  },
  async lastLockoutSince(id, since) {
    const filter = encodeURIComponent(`userId eq '${id.replace(/'/g, "''")}'`);
    const logs = await graphRequest('GET', `/auditLogs/signIns?$filter=${filter}&$top=50`, { schema: signInLogs });
    const lockouts = logs.value
      .filter((log) => log.status?.errorCode === 50053 && Date.parse(log.createdDateTime) >= since.getTime())
      .map((log) => Date.parse(log.createdDateTime));
    return lockouts.length === 0 ? null : new Date(Math.max(...lockouts));
  },
  unlock: (id) => unlockUser(id),
  async createTemporaryAccessPass(id, options) {
    // howto-authentication-temporary-access-pass: the pass is in this response only; it is never stored.
    const pass = await graphRequest('POST', `${path(id)}/authentication/temporaryAccessPassMethods`, {
      body: options,
      schema: createdPass,
    });
    return {
      temporaryAccessPass: pass.temporaryAccessPass,
      methodId: pass.id,
      lifetimeInMinutes: pass.lifetimeInMinutes,
      isUsableOnce: pass.isUsableOnce,
      startDateTime: pass.startDateTime ?? null,
    };
  },
  async requirePasswordChangeAtNextSignIn(id) {
    // user-update: passwordProfile with only forceChangePasswordNextSignIn; no password is chosen or seen.
    await graphRequest('PATCH', path(id), {
      body: { passwordProfile: { forceChangePasswordNextSignIn: true } },
      schema: z.unknown(),
    });
  },
};
