// oidc-provider configuration that makes the provider look like Entra ID's v2.0 endpoints for one
// tenant: Entra route names, RS256 JWT access tokens for Graph and api:// resources, Entra claims
// (tid, oid, pairwise sub, preferred_username, name, roles, ver, acrs, optional amr), PKCE S256
// required, client credentials, refresh tokens and device code.
import crypto from 'node:crypto';
import type { JWK } from 'jose';
import {
  errors,
  interactionPolicy,
  type Account,
  type Configuration,
  type FindAccount,
  type KoaContextWithOIDC,
} from 'oidc-provider';

/** What links a token the provider hands over to a sign-in's evidence. */
type TokenLike = { grantId?: string | undefined; sessionUid?: string | undefined };
type ClaimsToken = Parameters<NonNullable<Configuration['extraTokenClaims']>>[1];
import { z } from 'zod';
import type { MockClient } from './clients';
import type { MockIdp } from '../mock-idp-context';
import { amrFor, type SignInEvidence } from './sign-in-evidence';
import { appRolesFor, findUser } from '../store/tenant';
import { renderPage } from '../views/layout';
import { escapeHtml } from '../http/http';

export const graphResource = 'https://graph.microsoft.com';

/**
 * oidc-provider drops offline_access unless prompt includes consent (OIDC Core 11); Entra issues
 * refresh tokens for offline_access without it. The router adds prompt=consent plus this marker,
 * and the consent step treats a marked consent as already given (admin consent, as in Entra).
 */
export const implicitConsentParam = 'x-mock-implicit-consent';

export function withImplicitConsent(search: URLSearchParams): URLSearchParams {
  const scopes = (search.get('scope') ?? '').split(' ');
  const prompts = (search.get('prompt') ?? '').split(' ').filter(Boolean);
  if (
    !scopes.includes('offline_access') ||
    prompts.includes('consent') ||
    prompts.includes('none') ||
    search.has(implicitConsentParam)
  )
    return search;
  const next = new URLSearchParams(search);
  next.set('prompt', [...prompts, 'consent'].join(' '));
  next.set(implicitConsentParam, '1');
  return next;
}

// Entra's own route names under /{tenant}/ (v2-protocols-oidc).
export const entraRoutes = {
  authorization: '/oauth2/v2.0/authorize',
  token: '/oauth2/v2.0/token',
  device_authorization: '/oauth2/v2.0/devicecode',
  code_verification: '/oauth2/v2.0/deviceauth',
  end_session: '/oauth2/v2.0/logout',
  jwks: '/discovery/v2.0/keys',
  userinfo: '/openid/userinfo',
  revocation: '/oauth2/v2.0/revoke',
  introspection: '/oauth2/v2.0/introspect',
};

// Entra's step-up format: {"access_token":{"acrs":{"essential":true,"value":"c1"}}} (claims-challenge).
const claimRequestSchema = z.union([
  z.null(),
  z.object({ essential: z.boolean().optional(), value: z.string().optional(), values: z.array(z.string()).optional() }),
]);
export const claimsParameterSchema = z.object({
  access_token: z.record(z.string(), claimRequestSchema).optional(),
  id_token: z.record(z.string(), claimRequestSchema).optional(),
  userinfo: z.record(z.string(), claimRequestSchema).optional(),
  xms_cc: z.unknown().optional(),
});

/** Authentication context values (c1..c99) requested as essential `acrs` in a claims parameter. */
export function requestedAcrsOf(claims: string | undefined): string[] {
  if (!claims) return [];
  const parsed = claimsParameterSchema.safeParse(JSON.parse(claims));
  if (!parsed.success) return [];
  const values = new Set<string>();
  for (const container of [parsed.data.access_token, parsed.data.id_token]) {
    const acrs = container?.acrs;
    if (acrs?.essential) {
      if (acrs.value) values.add(acrs.value);
      acrs.values?.forEach((v) => values.add(v));
    }
  }
  return [...values].filter((v) => /^c([1-9]|[1-9]\d)$/.test(v));
}

function validateClaimsParameter(_ctx: KoaContextWithOIDC, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'string') throw new errors.InvalidRequest('claims must be a string');
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new errors.InvalidRequest('could not parse the claims parameter JSON');
  }
  if (!claimsParameterSchema.safeParse(json).success) throw new errors.InvalidRequest('claims parameter is malformed');
}

/** `https://graph.microsoft.com/.default`, `User.Read` (bare Graph scopes) or `api://{app}/x`. */
export function resourceOfScope(scope: string): string | undefined {
  if (scope.startsWith(`${graphResource}/`)) return graphResource;
  if (/^[A-Z][A-Za-z]+\.[A-Za-z.]+$/.test(scope)) return graphResource;
  const api = /^(api:\/\/[^/]+)\//.exec(scope);
  return api?.[1];
}

export function servicePrincipalIdOf(appId: string): string {
  // Entra service principals have their own object id; derive a stable GUID-shaped one.
  const hex = crypto.createHash('sha256').update(`sp:${appId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function evidenceForToken(mock: Pick<MockIdp, 'evidence'>, token: TokenLike | undefined): SignInEvidence | undefined {
  if (!token) return undefined;
  return (
    (token.grantId && mock.evidence.byGrant.get(token.grantId)) ||
    (token.sessionUid && mock.evidence.bySession.get(token.sessionUid)) ||
    undefined
  );
}

export function buildProviderConfiguration(
  mock: Omit<MockIdp, 'provider'> & { provider?: unknown },
  signingKeys: JWK[],
  cookieKeys: string[],
  clientById: Map<string, MockClient>,
): Record<string, unknown> {
  const tenantId = mock.tenant.tenantId;
  // The provider is added to this same object once it is built; the hooks below need only the rest.
  const self = mock;

  const policy = interactionPolicy.base();
  // select_account is a valid prompt value for Entra; the mock shows an account picker.
  policy.add(new interactionPolicy.Prompt({ name: 'select_account', requestable: true }), 0);
  // Step-up: an existing session that has not satisfied a requested authentication context (acrs)
  // must sign in again so Conditional Access can ask for the context's controls.
  policy.get('login')?.checks.add(
    new interactionPolicy.Check(
      'acrs_not_satisfied',
      'The requested authentication context has not been satisfied',
      (ctx) => {
        const claims = typeof ctx.oidc.params?.claims === 'string' ? ctx.oidc.params.claims : undefined;
        const requested = requestedAcrsOf(claims);
        // A sign-in that just finished was evaluated with the requested context by the mock.
        if (requested.length === 0 || !ctx.oidc.session?.accountId || ctx.oidc.result?.login)
          return interactionPolicy.Check.NO_NEED_TO_PROMPT;
        const evidence = ctx.oidc.session.uid ? self.evidence.bySession.get(ctx.oidc.session.uid) : undefined;
        const isSatisfied = requested.every((acr) => evidence?.acrs.includes(acr));
        return isSatisfied ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT;
      },
    ),
  );

  async function findAccount(
    ctx: KoaContextWithOIDC,
    sub: string,
    token?: Parameters<FindAccount>[2],
  ): Promise<Account | undefined> {
    const user = findUser(self.tenant, sub);
    if (!user) return undefined;
    const clientId = ctx.oidc.client?.clientId ?? token?.clientId ?? '';
    const evidence = evidenceForToken(self, token);
    return {
      accountId: user.id,
      claims: () => ({
        sub: user.id,
        oid: user.id,
        tid: tenantId,
        ver: '2.0',
        name: user.displayName,
        preferred_username: user.userPrincipalName,
        email: user.otherMails[0] ?? (user.userType === 'Member' ? user.userPrincipalName : undefined),
        roles: clientId ? appRolesFor(self.tenant, user, clientId) : [],
        ...(evidence && evidence.acrs.length > 0 ? { acrs: evidence.acrs } : {}),
      }),
    };
  }

  async function extraTokenClaims(ctx: KoaContextWithOIDC, token: ClaimsToken): Promise<Record<string, unknown>> {
    const clientId = token.clientId ?? ctx.oidc.client?.clientId ?? '';
    if (token.kind === 'ClientCredentials') {
      return {
        tid: tenantId,
        oid: servicePrincipalIdOf(clientId),
        azp: clientId,
        appid: clientId,
        idtyp: 'app',
        roles: clientById.get(clientId)?.applicationPermissions ?? [],
        ver: '2.0',
      };
    }
    const user = token.accountId ? findUser(self.tenant, token.accountId) : undefined;
    const evidence = evidenceForToken(self, token);
    const audience = token.resourceServer?.audience;
    return {
      tid: tenantId,
      oid: user?.id,
      azp: clientId,
      idtyp: 'user',
      name: user?.displayName,
      preferred_username: user?.userPrincipalName,
      scp: [...token.scopes]
        .filter((s) => !['openid', 'profile', 'email', 'offline_access'].includes(s))
        .map((s) => s.replace(`${graphResource}/`, ''))
        .join(' '),
      ver: '2.0',
      ...(user && audience && audience !== graphResource
        ? { roles: appRolesFor(self.tenant, user, audience.replace(/^api:\/\//, '')) }
        : {}),
      ...(evidence && evidence.acrs.length > 0 ? { acrs: evidence.acrs } : {}),
      ...(evidence && self.config.isAmrEmitted ? { amr: amrFor(evidence.methods) } : {}),
    };
  }

  return {
    clients: [...clientById.values()].map((c) => ({
      client_id: c.client_id,
      client_name: c.client_name,
      ...(c.client_secret
        ? { client_secret: c.client_secret, token_endpoint_auth_method: 'client_secret_post' }
        : { token_endpoint_auth_method: 'none' }),
      redirect_uris: c.redirect_uris,
      post_logout_redirect_uris: c.post_logout_redirect_uris,
      grant_types: c.grant_types,
      response_types: c.grant_types.includes('authorization_code') ? ['code'] : [],
      // Entra's sub is pairwise per app; oidc-provider needs a jwks_uri for pairwise device-code
      // clients, so those get the public sub (= oid) instead.
      subject_type: c.grant_types.includes('urn:ietf:params:oauth:grant-type:device_code') ? 'public' : 'pairwise',
      require_auth_time: true,
    })),
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none'],
    clientBasedCORS: () => true,
    jwks: { keys: signingKeys },
    cookies: { keys: cookieKeys, long: { signed: true }, short: { signed: true } },
    findAccount,
    extraTokenClaims,
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    responseTypes: ['code'],
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    claims: {
      openid: ['sub', 'oid', 'tid', 'ver', 'roles', 'acrs', 'amr', 'auth_time'],
      profile: ['name', 'preferred_username'],
      email: ['email'],
    },
    subjectTypes: ['public', 'pairwise'],
    // Entra's sub is pairwise per application (id-token-claims-reference).
    pairwiseIdentifier: (_ctx: unknown, accountId: string, client: { clientId: string }) =>
      crypto
        .createHash('sha256')
        .update(`${tenantId}:${client.clientId}:${accountId}`)
        .digest('base64url')
        .slice(0, 43),
    extraParams: {
      claims: validateClaimsParameter,
      domain_hint: null,
      [implicitConsentParam]: null,
      client_info: null,
      'x-client-SKU': null,
      'x-client-VER': null,
    },
    routes: entraRoutes,
    discovery: {
      tenant_region_scope: 'NA',
      cloud_instance_name: 'localhost',
      msgraph_host: `localhost:${self.config.port}/graph`,
      rbac_url: 'https://localhost',
      mock_idp_notice: 'Mock Entra ID - development only',
    },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 600,
      ClientCredentials: 3600,
      IdToken: 3600,
      DeviceCode: 900,
      Interaction: 3600,
      Session: 24 * 3600,
      Grant: 14 * 24 * 3600,
      RefreshToken: 14 * 24 * 3600,
    },
    issueRefreshToken: async (
      _ctx: unknown,
      client: { grantTypeAllowed(t: string): boolean },
      code: { scopes: Set<string> },
    ) => client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    interactions: {
      policy,
      url: (_ctx: unknown, interaction: { uid: string }) => `/${tenantId}/interaction/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      claimsParameter: { enabled: false },
      revocation: { enabled: true },
      introspection: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          ctx.type = 'html';
          ctx.body = renderPage(
            'Sign out',
            `<h1>Pick an account to sign out</h1><p>Sign out of the mock Entra ID session?</p>${form}<div class="actions"><button form="op.logoutForm" name="logout" value="yes" type="submit">Sign out</button></div>`,
          );
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
          ctx.type = 'html';
          ctx.body = renderPage(
            'Signed out',
            '<h1>You signed out of your account</h1><p>It’s a good idea to close all browser windows.</p>',
          );
        },
      },
      deviceFlow: {
        enabled: true,
        charset: 'base-20',
        mask: '****-****',
        userCodeInputSource: async (
          ctx: KoaContextWithOIDC,
          form: string,
          _out: unknown,
          err?: { userCode?: string; message?: string },
        ) => {
          ctx.type = 'html';
          const error = err
            ? `<p class="error" role="alert">${escapeHtml(err.userCode ? 'That code didn’t work. Check the code and try again.' : 'There was an error processing your request.')}</p>`
            : '';
          ctx.body = renderPage(
            'Enter code',
            `<h1>Enter code</h1><p>Enter the code displayed on your app or device.</p>${error}${form.replace('<input', '<label for="user_code_input">Code</label><input id="user_code_input"')}<div class="actions"><button type="submit" form="op.deviceInputForm">Next</button></div>`,
          );
        },
        userCodeConfirmSource: async (
          ctx: KoaContextWithOIDC,
          form: string,
          client: { clientName?: string; clientId: string },
          _device: unknown,
          userCode: string,
        ) => {
          ctx.type = 'html';
          ctx.body = renderPage(
            'Are you trying to sign in?',
            `<h1>Are you trying to sign in to ${escapeHtml(client.clientName ?? client.clientId)}?</h1><p>Only continue if you downloaded the app from a store or website that you trust. Code: <strong>${escapeHtml(userCode)}</strong></p>${form}<div class="actions"><button class="secondary" type="submit" form="op.deviceConfirmForm" name="abort" value="yes">Cancel</button><button type="submit" form="op.deviceConfirmForm">Continue</button></div>`,
          );
        },
        successSource: async (ctx: KoaContextWithOIDC) => {
          ctx.type = 'html';
          ctx.body = renderPage(
            'Signed in',
            '<h1>You have signed in</h1><p>You can close this window and return to your device.</p>',
          );
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async (ctx: KoaContextWithOIDC, _client: unknown, oneOf?: string[]) => {
          if (oneOf && oneOf.length > 0) return oneOf[0];
          const scope = typeof ctx.oidc.params?.scope === 'string' ? ctx.oidc.params.scope : '';
          for (const s of scope.split(' ')) {
            const resource = resourceOfScope(s);
            if (resource) return resource;
          }
          return undefined;
        },
        useGrantedResource: async () => true,
        getResourceServerInfo: async (ctx: KoaContextWithOIDC, resource: string) => {
          const requested = (typeof ctx.oidc.params?.scope === 'string' ? ctx.oidc.params.scope : '')
            .split(' ')
            .filter((s) => resourceOfScope(s) === resource);
          let audience: string;
          if (resource === graphResource) audience = graphResource;
          else if (resource.startsWith('api://') && clientById.has(resource.slice('api://'.length)))
            audience = resource.slice('api://'.length);
          else
            throw new errors.InvalidTarget(
              `AADSTS500011: The resource principal named ${resource} was not found in the tenant.`,
            );
          return {
            scope: [
              ...new Set([...requested, `${resource}/.default`, ...(resource === graphResource ? ['User.Read'] : [])]),
            ].join(' '),
            audience,
            accessTokenTTL: 3600,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    enabledJWA: { idTokenSigningAlgValues: ['RS256'], requestObjectSigningAlgValues: ['RS256'] },
    renderError: async (ctx: KoaContextWithOIDC, out: { error: string; error_description?: string }) => {
      ctx.type = 'html';
      ctx.body = renderPage(
        'Sign-in error',
        `<h1>Sorry, but we’re having trouble signing you in.</h1><p class="error" role="alert">${escapeHtml(out.error)}</p><p>${escapeHtml(out.error_description ?? '')}</p>`,
      );
    },
  };
}
