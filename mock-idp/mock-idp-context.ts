// Everything the mock's routes share, built once by createMockIdp and passed to every handler.
import type { Provider } from 'oidc-provider';
import type { AuthenticationMethodMode } from '../lib/conditional-access/authentication-method-mode';
import type { MockClient } from './oidc/clients';
import type { ConditionalAccessGate } from './interaction/conditional-access-gate';
import type { MockIdpConfig } from './config';
import type { DemoCredentials } from './methods/demo-credentials';
import type { PushRegistry } from './methods/push-requests';
import type { EvidenceRegistry } from './oidc/sign-in-evidence';
import type { Store } from './store/store';
import type { Tenant } from './store/tenant';

export type OneTimeCode = { channel: 'sms' | 'voice'; hash: string; expiresAt: number; attempts: number };

/** The state of one sign-in (one oidc-provider interaction), kept while the user is on the pages. */
export type SignInState = {
  uid: string;
  userId?: string;
  methods: AuthenticationMethodMode[];
  /** Second factors the engine said would complete the sign-in, when Conditional Access interrupted it. */
  offered?: AuthenticationMethodMode[];
  /** Methods the engine says can be registered now (combined registration interrupt mode). */
  registrable?: AuthenticationMethodMode[];
  /** The account picker (prompt=select_account) was answered. */
  isAccountPicked?: boolean;
  pushId?: string;
  oneTimeCode?: OneTimeCode;
  webAuthnChallenge?: string;
  clientIp: string;
  browserId: string;
  requestedAcrs: string[];
  startedAt: number;
};

export type MockIdp = {
  config: MockIdpConfig;
  store: Store;
  clients: MockClient[];
  credentials: DemoCredentials;
  /** Replaced by the control API's reset. */
  tenant: Tenant;
  provider: Provider;
  pushes: PushRegistry;
  signIns: Map<string, SignInState>;
  evidence: EvidenceRegistry;
  /** Simulated public client IP per browser session (control API), by the mock's browser cookie. */
  clientIps: Map<string, string>;
  conditionalAccess: ConditionalAccessGate;
  now: () => number;
  /** https://host:port, known once listening. */
  origin: () => string;
};
