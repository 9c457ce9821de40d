// The context every interaction step gets (one sign-in's request, response, details and state) and its helpers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Interaction as InteractionDetails } from 'oidc-provider';
import { z } from 'zod';
import { clientIpOf, devicePlatformOf } from '../http/client-ip';
import { sendHtml } from '../http/http';
import type { MockIdp, SignInState } from '../mock-idp-context';
import { requestedAcrsOf } from '../oidc/provider-configuration';
import { findUser, type TenantUser } from '../store/tenant';
import type { SignInCircumstances } from './conditional-access-gate';

export type Interaction = {
  mock: MockIdp;
  req: IncomingMessage;
  res: ServerResponse;
  details: InteractionDetails;
  state: SignInState;
  base: string;
  appId: string;
  appName: string;
  url: URL;
};

export function stateFor(
  mock: MockIdp,
  details: InteractionDetails,
  req: IncomingMessage,
  browserId: string,
): SignInState {
  const existing = mock.signIns.get(details.uid);
  if (existing) return existing;
  const claims = typeof details.params.claims === 'string' ? details.params.claims : undefined;
  const state: SignInState = {
    uid: details.uid,
    methods: [],
    clientIp: clientIpOf(mock, req, browserId),
    browserId,
    requestedAcrs: requestedAcrsOf(claims),
    startedAt: mock.now(),
  };
  const hint =
    typeof details.params.login_hint === 'string' ? findUser(mock.tenant, details.params.login_hint) : undefined;
  if (hint) state.userId = hint.id;
  // Forget abandoned sign-ins so the map does not grow without bound.
  for (const [uid, s] of mock.signIns) if (s.startedAt < mock.now() - 3_600_000) mock.signIns.delete(uid);
  mock.signIns.set(details.uid, state);
  return state;
}

export function userOf(it: Interaction): TenantUser | undefined {
  return it.state.userId ? findUser(it.mock.tenant, it.state.userId) : undefined;
}

// What the Authenticator's "report suspicious activity" writes (authenticator-routes.ts).
const userRiskSchema = z.looseObject({ level: z.enum(['none', 'low', 'medium', 'high']) });

export function circumstancesOf(it: Interaction, user: TenantUser): SignInCircumstances {
  const isDeviceCode = it.details.params.client_id !== undefined && 'user_code' in it.details.params;
  const risk = it.mock.store.get('userRisk', user.id, userRiskSchema)?.level ?? 'none';
  return {
    userId: user.id,
    appId: it.appId,
    // The simulated IP is read on every step so a control-API change applies mid-sign-in.
    clientIp: clientIpOf(it.mock, it.req, it.state.browserId),
    clientAppType: isDeviceCode ? 'mobileAppsAndDesktopClients' : 'browser',
    devicePlatform: devicePlatformOf(it.req.headers['user-agent']),
    userRiskLevel: risk,
    authenticationContext: it.state.requestedAcrs[0],
    ...(isDeviceCode ? { transferMethod: 'deviceCodeFlow' as const } : {}),
  };
}

export function html(it: Interaction, body: string, status = 200): void {
  sendHtml(it.res, status, body);
}

export function optionsHref(it: Interaction): string {
  return `${it.base}?view=options`;
}

/** The WebAuthn relying party: the mock's own host name. */
export function rpIdOf(it: Interaction): string {
  return new URL(it.mock.origin()).hostname;
}
