import 'server-only';
// The reset portal's directory port over Microsoft Graph (server/graph/users.ts), app-only with the
// portal app registration. Method types follow Graph's authenticationMethod resources.
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import { graphRequest } from '../graph/graph-client';
import {
  findUserByUsername,
  getUser,
  listAuthenticationMethods,
  onPremisesIdentityOf,
  setUserPassword,
  unlockUser,
  type GraphAuthenticationMethod,
  type GraphUser,
} from '../graph/users';
import type { DirectoryMethod, ResetDirectoryUser, ResetDirectory } from './reset-directory';

const methodKinds: Record<string, DirectoryMethod['kind']> = {
  '#microsoft.graph.passwordAuthenticationMethod': 'password',
  '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod': 'authenticator',
  '#microsoft.graph.phoneAuthenticationMethod': 'phone',
  '#microsoft.graph.fido2AuthenticationMethod': 'fido2',
  '#microsoft.graph.windowsHelloForBusinessAuthenticationMethod': 'windowsHello',
  '#microsoft.graph.softwareOathAuthenticationMethod': 'softwareOath',
  '#microsoft.graph.emailAuthenticationMethod': 'email',
  '#microsoft.graph.temporaryAccessPassAuthenticationMethod': 'temporaryAccessPass',
};

export function directoryMethodOf(method: GraphAuthenticationMethod): DirectoryMethod {
  const kind = methodKinds[method['@odata.type']] ?? 'other';
  // Graph v1.0 has no passwordless flag on the Authenticator method: its createdDateTime "is null if the device
  // isn't registered for passwordless Phone Sign-In" (learn.microsoft.com/graph/api/resources/
  // microsoftauthenticatorauthenticationmethod), so a registration time means phone sign-in. FIDO2 and Windows
  // Hello are passwordless by nature.
  const isPasswordlessCapable =
    kind === 'fido2' ||
    kind === 'windowsHello' ||
    (kind === 'authenticator' && typeof method.createdDateTime === 'string' && method.createdDateTime !== '');
  return { kind, isPasswordlessCapable };
}

export function directoryUserOf(user: GraphUser): ResetDirectoryUser {
  return {
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName ?? user.userPrincipalName,
    mobilePhone: user.mobilePhone ?? null,
    alternateEmail: user.otherMails?.[0] ?? null,
    onPremises: onPremisesIdentityOf(user),
  };
}

export const graphResetDirectory: ResetDirectory = {
  async findUser(username) {
    const user = await findUserByUsername(username);
    return user ? directoryUserOf(user) : null;
  },
  async getUser(id) {
    return directoryUserOf(await getUser(id));
  },
  async listMethods(id) {
    return (await listAuthenticationMethods(id)).map(directoryMethodOf);
  },
  async setPassword(id, password) {
    await setUserPassword(id, password);
  },
  async lastPasswordChange(id) {
    // Graph user resource: lastPasswordChangeDateTime is not in the default property set, hence $select.
    const user = await graphRequest('GET', `/users/${encodeURIComponent(id)}?$select=id,lastPasswordChangeDateTime`, {
      schema: z.looseObject({ lastPasswordChangeDateTime: z.string().nullish() }),
    });
    const changed = user.lastPasswordChangeDateTime ? new Date(user.lastPasswordChangeDateTime) : null;
    return changed && !Number.isNaN(changed.getTime()) ? changed : null;
  },
  async unlock(id) {
    await unlockUser(id);
  },
  async revokeSignInSessions(id) {
    // Graph user: revokeSignInSessions (invalidates refresh tokens and session cookies).
    const result = await graphRequest('POST', `/users/${encodeURIComponent(id)}/revokeSignInSessions`, {
      schema: z.looseObject({ value: z.boolean().optional() }),
    });
    if (result.value === false) throw new AppError('UPSTREAM_ERROR', 'Microsoft Entra ID did not revoke the sessions.');
  },
};
