// The Microsoft Graph subset under /graph/v1.0/, authorised by app-only tokens with application
// permissions (Graph's permission tables). Unlock is a mock extension (Entra has no public API):
// POST /graph/v1.0/users/{id}/unlock, needing User.ReadWrite.All.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { isAppError } from '../../lib/app-error';
import { isRecord } from '../../lib/is-record';
import { readJson, sendJson } from '../http/http';
import type { MockIdp } from '../mock-idp-context';
import { checkPassword, passwordRuleSentences } from '../methods/password-rules';
import { credentialsOf } from '../methods/demo-credentials';
import { passwordChangedAt, requirePasswordChange, setPassword } from '../methods/passwords';
import { setDefaultSignInMethod } from '../methods/registered-methods';
import { readSignInLogs } from '../store/sign-in-logs';
import { clearLockout, lockoutOf } from '../methods/smart-lockout';
import {
  createTemporaryAccessPass,
  deleteTemporaryAccessPass,
  temporaryAccessPassOf,
} from '../methods/temporary-access-pass';
import { findUser, isSyncedUser, type TenantUser } from '../store/tenant';
import {
  authenticateGraphCaller,
  graphError,
  graphErrorResponse,
  requirePermission,
  type GraphCaller,
} from './graph-auth';
import {
  authenticationMethodsOf,
  modeForPreference,
  signInPreferencesOf,
  temporaryAccessPassResource,
  userResource,
} from './graph-representations';
import { memberOfResources } from './member-of';
import { handleVerificationPushes } from './verification-push-routes';

const readUsers = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const readMethods = ['UserAuthenticationMethod.Read.All', 'UserAuthenticationMethod.ReadWrite.All'];
const writeMethods = ['UserAuthenticationMethod.ReadWrite.All'];
const readPolicies = ['Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess'];

const graphBase = 'https://graph.microsoft.com/v1.0';

/** When each user's sessions were last revoked (POST users/{id}/revokeSignInSessions). */
export const revokedSessions = new Map<string, number>();

export async function handleGraphRoute(
  mock: MockIdp,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  try {
    const caller = await authenticateGraphCaller(mock, req);
    const path = url.pathname
      .replace(/^\/graph\/v1\.0\/?/, '')
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent);
    const result = await route(mock, req, caller, path, url);
    if (result === undefined)
      throw graphError(
        'NOT_FOUND',
        'Request_ResourceNotFound',
        `Resource '${url.pathname}' does not exist or one of its queried reference-property objects are not present.`,
      );
    if (result === null) {
      res.writeHead(204);
      res.end();
      return;
    }
    sendJson(res, result.status ?? 200, result.body);
  } catch (error) {
    if (isAppError(error)) {
      const { status, body } = graphErrorResponse(error, mock.now());
      return sendJson(res, status, body);
    }
    throw error;
  }
}

type Answer = { status?: number; body: unknown } | null | undefined;

function userOrThrow(mock: MockIdp, idOrUpn: string): TenantUser {
  const user = findUser(mock.tenant, idOrUpn);
  if (!user)
    throw graphError(
      'NOT_FOUND',
      'Request_ResourceNotFound',
      `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`,
    );
  return user;
}

function collection(context: string, value: unknown[]): Answer {
  return { body: { '@odata.context': `${graphBase}/$metadata#${context}`, value } };
}

function select(resource: Record<string, unknown>, url: URL): Record<string, unknown> {
  const fields = url.searchParams
    .get('$select')
    ?.split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (!fields) return resource;
  return Object.fromEntries(Object.entries(resource).filter(([k]) => fields.includes(k) || k === 'id'));
}

// $filter basics: `prop eq 'value'`, `startswith(prop,'value')`, joined by `and`, alternatives by `or`
// (`and` binds tighter, as in OData). Quotes inside a literal are doubled ('O''Brien'), as in OData.
const literal = "'((?:[^']|'')*)'";
const eqClause = new RegExp(`^\\s*(\\w+)\\s+eq\\s+${literal}\\s*$`, 'i');
const startsWithClause = new RegExp(`^\\s*startswith\\(\\s*(\\w+)\\s*,\\s*${literal}\\s*\\)\\s*$`, 'i');
const unquote = (value: string | undefined) => (value ?? '').replace(/''/g, "'").toLowerCase();

function matchesFilter(resource: Record<string, unknown>, filter: string): boolean {
  return filter.split(/\s+or\s+(?=(?:[^']*'[^']*')*[^']*$)/i).some((alternative) =>
    alternative.split(/\s+and\s+(?=(?:[^']*'[^']*')*[^']*$)/i).every((clause) => {
      const eq = eqClause.exec(clause);
      if (eq) return String(resource[eq[1] ?? ''] ?? '').toLowerCase() === unquote(eq[2]);
      const starts = startsWithClause.exec(clause);
      if (starts)
        return String(resource[starts[1] ?? ''] ?? '')
          .toLowerCase()
          .startsWith(unquote(starts[2]));
      throw graphError(
        'INVALID_INPUT',
        'Request_UnsupportedQuery',
        `Unsupported or invalid query filter clause specified: ${clause}`,
      );
    }),
  );
}

// $search: "displayName:adele" OR "userPrincipalName:adele" (needs ConsistencyLevel: eventual, as in Graph).
function matchesSearch(resource: Record<string, unknown>, search: string): boolean {
  return search.split(/\s+OR\s+/).some((term) => {
    const match = /^"?(\w+):([^"]*)"?$/.exec(term.trim());
    if (!match) throw graphError('INVALID_INPUT', 'Request_UnsupportedQuery', `Invalid $search: ${term}`);
    return String(resource[match[1] ?? ''] ?? '')
      .toLowerCase()
      .includes((match[2] ?? '').toLowerCase());
  });
}

async function route(
  mock: MockIdp,
  req: IncomingMessage,
  caller: GraphCaller,
  path: string[],
  url: URL,
): Promise<Answer> {
  const method = req.method ?? 'GET';
  const [root, id, sub, sub2, sub3] = path;
  const now = mock.now();

  if (root === 'users' && !id && method === 'GET') {
    requirePermission(caller, readUsers);
    let users = mock.tenant.document.users.map(userResource);
    const filter = url.searchParams.get('$filter');
    if (filter) users = users.filter((u) => matchesFilter(u, filter));
    const search = url.searchParams.get('$search');
    if (search) {
      if (req.headers.consistencylevel !== 'eventual')
        throw graphError(
          'INVALID_INPUT',
          'Request_UnsupportedQuery',
          "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
        );
      users = users.filter((u) => matchesSearch(u, search));
    }
    const top = Number(url.searchParams.get('$top') ?? '100');
    return collection(
      'users',
      users.slice(0, Math.max(1, Math.min(999, top))).map((u) => select(u, url)),
    );
  }
  if (root === 'users' && id) {
    const user = userOrThrow(mock, id);
    if (!sub && method === 'GET') {
      requirePermission(caller, readUsers);
      // lastPasswordChangeDateTime is returned only when selected, as in Graph (user resource); the portal's
      // reconciliation of a password write whose answer was lost reads it. The demo password dates from the
      // tenant's creation in the mock.
      const changedAt = passwordChangedAt(mock.store, user.id);
      const resource = {
        ...userResource(user),
        lastPasswordChangeDateTime: new Date(changedAt ?? Date.parse('2026-01-01T00:00:00Z')).toISOString(),
      };
      const isChangeSelected = url.searchParams.get('$select')?.includes('lastPasswordChangeDateTime') ?? false;
      const { lastPasswordChangeDateTime, ...defaults } = resource;
      return {
        body: {
          '@odata.context': `${graphBase}/$metadata#users/$entity`,
          ...select(isChangeSelected ? { ...defaults, lastPasswordChangeDateTime } : defaults, url),
        },
      };
    }
    if (!sub && method === 'PATCH') return patchUser(mock, caller, user, await readJson(req));
    // --- service desk (issue 5): direct membership with directory roles (transitiveMemberOf, groups only,
    // is served below for the reset portal), and the mock-only verification push ---
    if (sub === 'memberOf' && !sub2 && method === 'GET') {
      requirePermission(caller, readUsers);
      return collection('directoryObjects', memberOfResources(mock.tenant, user));
    }
    if (sub === 'mockVerificationPushes') return handleVerificationPushes(mock, req, caller, user, sub2);
    if (sub === 'unlock' && method === 'POST') {
      requirePermission(caller, ['User.ReadWrite.All']);
      const wasLocked = lockoutOf(mock.store, user.id).lockedUntil > now;
      clearLockout(mock.store, user.id);
      return { body: { id: user.id, wasLocked } };
    }
    // --- reset portal (issue 4): Graph user: revokeSignInSessions. The mock keeps no refresh tokens across
    // restarts and oidc-provider's sessions are in memory; it records the revocation time, answers as Graph.
    if (sub === 'revokeSignInSessions' && method === 'POST') {
      requirePermission(caller, ['User.ReadWrite.All', 'User.RevokeSessions.All']);
      revokedSessions.set(user.id, now);
      return { body: { '@odata.context': `${graphBase}/$metadata#Edm.Boolean`, value: true } };
    }
    // --- reset portal (issue 4): Graph user: list transitiveMemberOf (groups, nested), for the readiness
    // dashboard's Conditional Access evaluation.
    if (sub === 'transitiveMemberOf' && method === 'GET') {
      requirePermission(caller, readUsers);
      return collection(
        'directoryObjects',
        transitiveGroupsOf(mock, user).map((group) => ({
          '@odata.type': '#microsoft.graph.group',
          id: group.id,
          displayName: group.displayName ?? null,
        })),
      );
    }
    if (sub === 'authentication') {
      if (sub2 === 'methods' && method === 'GET') {
        requirePermission(caller, readMethods);
        return collection(
          `users('${user.id}')/authentication/methods`,
          authenticationMethodsOf(mock.store, mock.credentials, user, now),
        );
      }
      if (sub2 === 'signInPreferences') {
        if (method === 'GET') {
          requirePermission(caller, readMethods);
          return { body: signInPreferencesOf(mock.store, user) };
        }
        if (method === 'PATCH') {
          requirePermission(caller, writeMethods);
          const body = z
            .object({ userPreferredMethodForSecondaryAuthentication: z.string() })
            .safeParse(await readJson(req));
          const mode = body.success
            ? modeForPreference[body.data.userPreferredMethodForSecondaryAuthentication]
            : undefined;
          if (!mode)
            throw graphError('INVALID_INPUT', 'badRequest', 'Invalid userPreferredMethodForSecondaryAuthentication.');
          setDefaultSignInMethod(mock.store, user, mode);
          return null;
        }
      }
      if (sub2 === 'temporaryAccessPassMethods') return temporaryAccessPasses(mock, req, caller, user, sub3);
    }
  }
  if (root === 'identity' && id === 'conditionalAccess') {
    const document = mock.tenant.document;
    if (sub === 'policies' && method === 'GET') {
      requirePermission(caller, readPolicies);
      if (sub2) return { body: document.conditionalAccessPolicies.find((p) => p.id === sub2) ?? undefined };
      return collection('identity/conditionalAccess/policies', document.conditionalAccessPolicies);
    }
    if (sub === 'namedLocations' && method === 'GET') {
      requirePermission(caller, readPolicies);
      if (sub2) return { body: document.namedLocations.find((p) => p.id === sub2) ?? undefined };
      return collection('identity/conditionalAccess/namedLocations', document.namedLocations);
    }
    if (sub === 'authenticationStrength' && sub2 === 'policies' && method === 'GET') {
      requirePermission(caller, readPolicies);
      return collection(
        'identity/conditionalAccess/authenticationStrength/policies',
        document.authenticationStrengthPolicies,
      );
    }
    if (sub === 'evaluate' && method === 'POST') {
      requirePermission(caller, readPolicies);
      const result = mock.conditionalAccess.whatIf(mock.tenant, await readJson(req));
      const policies = isRecord(result) && Array.isArray(result.value) ? result.value : [];
      return collection('Collection(microsoft.graph.conditionalAccessWhatIfPolicy)', policies);
    }
  }
  if (root === 'auditLogs' && id === 'signIns' && method === 'GET') {
    requirePermission(caller, ['AuditLog.Read.All']);
    let logs: Record<string, unknown>[] = readSignInLogs(mock.store);
    const filter = url.searchParams.get('$filter');
    if (filter) logs = logs.filter((l) => matchesFilter(l, filter));
    return collection('auditLogs/signIns', logs.slice(0, Number(url.searchParams.get('$top') ?? '200')));
  }
  return undefined;
}

const passwordProfileSchema = z.object({
  passwordProfile: z
    .object({
      password: z.string().optional(),
      forceChangePasswordNextSignIn: z.boolean().optional(),
      forceChangePasswordNextSignInWithMfa: z.boolean().optional(),
    })
    .strict(),
});

function patchUser(mock: MockIdp, caller: GraphCaller, user: TenantUser, body: unknown): Answer {
  // Only passwordProfile is writable in the mock; Graph requires User-PasswordProfile.ReadWrite.All
  // for it in app-only calls (user-update, "Permissions").
  requirePermission(caller, ['User-PasswordProfile.ReadWrite.All']);
  // Entra refuses password writes for synced users: AD is their source of authority (user-update; the
  // portal writes to AD instead). The exact error Graph gives, HTTP 400 Request_BadRequest.
  if (isSyncedUser(user))
    throw graphError(
      'INVALID_INPUT',
      'Request_BadRequest',
      'Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.',
    );
  const parsed = passwordProfileSchema.safeParse(body);
  if (!parsed.success)
    throw graphError(
      'INVALID_INPUT',
      'Request_BadRequest',
      "Invalid value specified for property 'passwordProfile' of resource 'User'.",
    );
  const { password, forceChangePasswordNextSignIn } = parsed.data.passwordProfile;
  // Service desk (issue 5): only the flag, no password, as Graph allows (user-update, passwordProfile).
  if (password === undefined) {
    if (forceChangePasswordNextSignIn !== true)
      throw graphError(
        'INVALID_INPUT',
        'Request_BadRequest',
        "Invalid value specified for property 'passwordProfile' of resource 'User'.",
      );
    requirePasswordChange(
      mock.store,
      user.id,
      credentialsOf(mock.credentials, user.userPrincipalName).password ?? mock.credentials.defaultPassword,
      mock.now(),
    );
    return null;
  }
  const violations = checkPassword(password, user);
  if (violations.length > 0) {
    const isBanned = violations.includes('banned') || violations.includes('containsUserName');
    throw graphErrorWith(
      isBanned
        ? 'The password you chose is one that is commonly used or contains words that are easy to guess. Please provide a different password.'
        : 'The specified password does not comply with password complexity requirements. Please provide a different password.',
      violations.map((v) => passwordRuleSentences[v]),
    );
  }
  setPassword(mock.store, user.id, password, mock.now(), forceChangePasswordNextSignIn ?? false);
  // An administrator's reset also ends a smart-lockout period in the mock.
  clearLockout(mock.store, user.id);
  return null;
}

function graphErrorWith(message: string, details: string[]) {
  const error = graphError('INVALID_INPUT', 'Request_BadRequest', message);
  error.details.reasons = details;
  return error;
}

async function temporaryAccessPasses(
  mock: MockIdp,
  req: IncomingMessage,
  caller: GraphCaller,
  user: TenantUser,
  methodId: string | undefined,
): Promise<Answer> {
  const method = req.method ?? 'GET';
  const now = mock.now();
  if (method === 'GET') {
    requirePermission(caller, readMethods);
    const tap = temporaryAccessPassOf(mock.store, user.id);
    if (methodId) return tap && tap.id === methodId ? { body: temporaryAccessPassResource(tap, now) } : undefined;
    return collection(
      `users('${user.id}')/authentication/temporaryAccessPassMethods`,
      tap ? [temporaryAccessPassResource(tap, now)] : [],
    );
  }
  requirePermission(caller, writeMethods);
  if (method === 'DELETE' && methodId) {
    const tap = temporaryAccessPassOf(mock.store, user.id);
    if (!tap || tap.id !== methodId) return undefined;
    deleteTemporaryAccessPass(mock.store, user.id);
    return null;
  }
  if (method === 'POST' && !methodId) {
    const body = z
      .object({
        lifetimeInMinutes: z.number().int().min(10).max(43200).default(60),
        isUsableOnce: z.boolean().default(false),
        startDateTime: z.string().datetime().optional(),
      })
      .safeParse(await readJson(req));
    if (!body.success)
      throw graphError(
        'INVALID_INPUT',
        'badRequest',
        'lifetimeInMinutes must be between 10 and 43200; isUsableOnce must be a boolean.',
      );
    const { pass, method: created } = createTemporaryAccessPass(mock.store, user.id, body.data, now);
    // The pass is returned once, in this response only (howto-authentication-temporary-access-pass).
    return {
      status: 201,
      body: {
        '@odata.context': `${graphBase}/$metadata#users('${user.id}')/authentication/temporaryAccessPassMethods/$entity`,
        ...temporaryAccessPassResource(created, now, pass),
      },
    };
  }
  return undefined;
}

// Groups a user belongs to, directly (user.memberOf or group.members) or through nested groups.
function transitiveGroupsOf(mock: MockIdp, user: TenantUser): { id: string; displayName?: unknown }[] {
  const groups = mock.tenant.document.groups;
  const direct = new Set(user.memberOf.map((entry) => (typeof entry === 'string' ? entry : entry.id)));
  for (const group of groups) if (Array.isArray(group.members) && group.members.includes(user.id)) direct.add(group.id);
  const found = new Set(direct);
  for (let changed = true; changed;) {
    changed = false;
    for (const group of groups) {
      if (found.has(group.id)) continue;
      if (
        Array.isArray(group.members) &&
        group.members.some((member) => typeof member === 'string' && found.has(member))
      ) {
        found.add(group.id);
        changed = true;
      }
    }
  }
  return groups.filter((group) => found.has(group.id));
}
