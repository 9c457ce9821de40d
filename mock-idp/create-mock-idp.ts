// Builds the mock: state, oidc-provider for the tenant, and the request handler that routes
// Entra-shaped paths to the provider and the mock's own pages and APIs. Modelled on
// oidc-provider's example/ (server, configuration, accounts, interaction routes, views).
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Provider } from 'oidc-provider';
import { isAppError, type AppErrorCode } from '../lib/app-error';
import { handleAuthenticatorRoute } from './authenticator/authenticator-routes';
import { readClientsFile, withPortalOrigin } from './oidc/clients';
import type { MockIdpConfig } from './config';
import {
  createConditionalAccessGate,
  loadConditionalAccessEngine,
  type ConditionalAccessEngine,
} from './interaction/conditional-access-gate';
import { handleControlRoute } from './control/control-api';
import { readDemoCredentials } from './methods/demo-credentials';
import { handleGraphRoute } from './graph/graph-routes';
import { sendHtml, sendJson } from './http/http';
import { handleInteractionRoute } from './interaction/interaction-routes';
import type { MockIdp } from './mock-idp-context';
import { buildProviderConfiguration, withImplicitConsent } from './oidc/provider-configuration';
import { createPushRegistry, type PushPolicy, defaultPushPolicy } from './methods/push-requests';
import { createEvidenceRegistry } from './oidc/sign-in-evidence';
import { cookieKeysSchema, loadSigningKeys } from './oidc/signing-keys';
import { openStore } from './store/store';
import { findUser, loadTenant, type Tenant } from './store/tenant';
import { methodsVersionOf } from './methods/registered-methods';
import { effectiveMethodsOf } from './methods/sign-in-methods';
import { renderIndexPage } from './views/index-page';

export type CreateMockIdpOptions = {
  config: MockIdpConfig;
  now?: () => number;
  engine?: ConditionalAccessEngine | null;
  pushPolicy?: PushPolicy;
  origin: () => string;
};

export type MockIdpApp = {
  mock: MockIdp;
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  close: () => void;
};

const simplewebauthnBundle = new URL(
  '../node_modules/@simplewebauthn/browser/dist/bundle/index.umd.min.js',
  import.meta.url,
).pathname;
const assetsFolder = new URL('./assets/', import.meta.url).pathname;

export async function createMockIdp(options: CreateMockIdpOptions): Promise<MockIdpApp> {
  const { config } = options;
  const store = openStore(config.dataDir);
  const tenant: Tenant = loadTenant(config);
  const clients = withPortalOrigin(readClientsFile(config.clientsFile), config.portalOrigin);
  const credentials = readDemoCredentials(config.credentialsFile);
  const engine = options.engine === null ? undefined : (options.engine ?? loadConditionalAccessEngine());
  const signingKeys = await loadSigningKeys(store);
  let cookieKeys = store.get('signingKeys', 'cookieKeys', cookieKeysSchema);
  if (!cookieKeys) {
    cookieKeys = [crypto.randomBytes(32).toString('base64url')];
    store.put('signingKeys', 'cookieKeys', cookieKeys);
  }

  const currentTenant = (): Tenant => partial.tenant;
  const partial: Omit<MockIdp, 'provider'> = {
    config,
    store,
    clients,
    credentials,
    tenant,
    pushes: createPushRegistry(options.pushPolicy ?? defaultPushPolicy),
    signIns: new Map(),
    evidence: createEvidenceRegistry(),
    clientIps: new Map<string, string>(),
    conditionalAccess: createConditionalAccessGate(
      engine,
      {
        version: () => `${methodsVersionOf(store)}`,
        methodsOf: (userId: string): string[] | undefined => {
          const user = findUser(currentTenant(), userId);
          return user ? effectiveMethodsOf(store, user, partial.now()) : undefined;
        },
      },
      () => partial.now(),
    ),
    now: options.now ?? (() => Date.now()),
    origin: options.origin,
  };
  const clientById = new Map(clients.map((c) => [c.client_id, c]));
  const configuration = buildProviderConfiguration(partial, signingKeys, cookieKeys, clientById);
  const provider = new Provider(`${options.origin()}/${tenant.tenantId}/v2.0`, configuration);
  // One object for everything: the provider configuration already holds `partial` by reference.
  const mock: MockIdp = Object.assign(partial, { provider });

  // Link a sign-in's evidence to the provider session once the code is issued, for SSO and step-up.
  provider.on('authorization_code.saved', (code) => {
    const evidence = code.grantId ? mock.evidence.byGrant.get(code.grantId) : undefined;
    if (evidence && code.sessionUid) mock.evidence.bySession.set(code.sessionUid, evidence);
  });
  provider.on('server_error', (_ctx, error) => {
    process.stderr.write(`mock-idp: provider server_error: ${error.stack ?? error.message}\n`);
  });

  const providerCallback = provider.callback();

  function tenantIdFor(segment: string): string | undefined {
    const key = decodeURIComponent(segment).toLowerCase();
    const t = mock.tenant;
    if (key === t.tenantId.toLowerCase() || t.domains.includes(key) || key === 'common' || key === 'organizations')
      return t.tenantId;
    return undefined;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://mock.invalid');
    const segments = url.pathname.split('/').filter(Boolean);
    const [first = '', second = ''] = segments;

    if (url.pathname === '/' || url.pathname === '/index.html') return sendHtml(res, 200, renderIndexPage(mock));
    if (first === 'assets') return serveAsset(res, second);
    if (first === 'authenticator') {
      // Anyone who can open /authenticator/{upn} can approve that user's pushes: demos and tests only.
      if (!config.isAuthenticatorEnabled)
        return sendJson(res, 404, {
          error: 'not_found',
          error_description: 'The simulated Authenticator is disabled (MOCK_IDP_AUTHENTICATOR=1 enables it).',
        });
      return handleAuthenticatorRoute(mock, req, res, segments.slice(1));
    }
    if (first === 'graph') return handleGraphRoute(mock, req, res, url);
    if (first === 'control') {
      if (!config.isControlApiEnabled)
        return sendJson(res, 404, {
          error: 'not_found',
          error_description: 'The control API is disabled (MOCK_IDP_CONTROL_API=1 enables it).',
        });
      return handleControlRoute(mock, req, res, url, segments.slice(1));
    }
    if (first === 'favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }

    const tenantId = tenantIdFor(first);
    if (!tenantId) {
      return sendJson(res, 400, {
        error: 'invalid_tenant',
        error_description: `AADSTS90002: Tenant '${first}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
        error_codes: [90002],
      });
    }
    if (second === 'interaction') return handleInteractionRoute(mock, req, res, segments.slice(2), url);

    let rest = `/${segments.slice(1).join('/')}`;
    if (rest === '/v2.0/.well-known/openid-configuration') rest = '/.well-known/openid-configuration';
    const providerPaths = [
      '/.well-known/openid-configuration',
      '/oauth2/v2.0/',
      '/discovery/v2.0/keys',
      '/openid/userinfo',
    ];
    if (!providerPaths.some((p) => rest === p || (p.endsWith('/') && rest.startsWith(p)))) {
      return sendJson(res, 404, { error: 'not_found', error_description: `No such endpoint: ${url.pathname}` });
    }
    let search = url.search;
    if (rest === '/oauth2/v2.0/authorize' && req.method === 'GET') {
      const adjusted = withImplicitConsent(url.searchParams).toString();
      search = adjusted ? `?${adjusted}` : '';
    }
    // Koa (inside oidc-provider) reads originalUrl for the full path behind the mount point.
    Object.assign(req, { originalUrl: `/${tenantId}${rest}${search}` });
    req.url = `${rest}${search}`;
    providerCallback(req, res);
  }

  function serveAsset(res: ServerResponse, name: string): void {
    const file =
      name === 'simplewebauthn-browser.js'
        ? simplewebauthnBundle
        : /^[a-z0-9-]+\.js$/.test(name)
          ? `${assetsFolder}${name}`
          : undefined;
    if (!file || !fs.existsSync(file)) return sendJson(res, 404, { error: 'not_found' });
    res.writeHead(200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(fs.readFileSync(file));
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.end();
        return;
      }
      if (isAppError(error)) {
        const statusByCode: Partial<Record<AppErrorCode, number>> = {
          INVALID_INPUT: 400,
          NOT_FOUND: 404,
          UNAUTHORIZED: 401,
          FORBIDDEN: 403,
          CONFLICT: 409,
          RATE_LIMITED: 429,
          EXPIRED: 410,
        };
        const status = statusByCode[error.code] ?? 500;
        return sendJson(res, status, { error: { code: error.code, message: error.message } });
      }
      process.stderr.write(`mock-idp: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
      sendJson(res, 500, { error: 'server_error', error_description: 'The mock failed to handle this request.' });
    });
  }

  return { mock, handle, close: () => store.close() };
}
