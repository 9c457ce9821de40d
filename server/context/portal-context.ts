import 'server-only';
// The one context every server function receives, built once per request by the pipeline
// (server/http/define-route.ts) from the long-lived services and the request (actor, client, language).
// Extend it here: a new dependency is a field of PortalServices, wired in production-services.ts and given
// by tests in their own services (test-services.ts); no module singletons patched in tests, no globalThis.
import type { Locale } from '@/lib/i18n/pick-locale';
import type { PortalRole } from '../auth/auth-options';
import type { Config } from '../config';
import type { DatabaseClient } from '../database/create-database-client';
import type { CallerPushChannel } from '../desk/caller-push-channel';
import type { DeskRateLimits } from '../desk/desk-dependencies';
import type { DeskDirectory } from '../desk/desk-directory';
import type { OnPremisesDirectories } from '../hybrid/on-premises-directories';
import type { ResetDirectory } from '../reset/reset-directory';
import type { ResetLimiters } from '../reset/reset-dependencies';
import type { Logger } from '../log/logger';
import type { EntraMfaVerification } from '../verification/entra-mfa-verification';

/** The signed-in portal user (next-auth session from Entra), or null on public routes. */
export type PortalActor = {
  oid: string;
  name: string;
  email: string | null;
  roles: readonly PortalRole[];
  /** The ID token's `auth_time` (seconds) and `amr`: how recent and how strong the sign-in was; unknown = stale. */
  authTime?: number | null;
  amr?: readonly string[];
};

/** Where the request came from, with the address chosen by TRUSTED_PROXY_HOPS (lib/http/client-address.ts). */
export type ClientAddress = { ip: string | null; userAgent: string | null };

export type Clock = { now(): Date };

export type Messenger = {
  sendEmail(message: { to: string; subject: string; text: string }): Promise<void>;
  sendSms(message: { to: string; body: string }): Promise<void>;
};

/**
 * Work that runs after the response (notifications, lookups the requester must not time). Today an
 * in-process runner; the durable queue (issue 12) replaces the implementation behind this type.
 */
export type JobQueue = { enqueue(name: string, task: () => Promise<void>): void };

export type Translator = { locale: Locale; t(key: string, values?: Record<string, string | number>): string };

/**
 * The directory behind each surface: Microsoft Graph, and the on-premises AD connections that hold
 * synced users' passwords (server/hybrid/password-authority.ts routes between them).
 */
export type PortalDirectory = { desk: DeskDirectory; reset: ResetDirectory; onPremises: OnPremisesDirectories };

export type PortalLimiters = { desk: DeskRateLimits; reset: ResetLimiters };

/** Everything that lives longer than a request. */
export type PortalServices = {
  db: DatabaseClient;
  directory: PortalDirectory;
  clock: Clock;
  messenger: Messenger;
  limiters: PortalLimiters;
  jobs: JobQueue;
  /** JSON log lines (pino), one per request and per job (server/log/logger.ts). */
  logger: Logger;
  settings: Config;
  /** How the desk reaches the caller's Authenticator. */
  pushChannel: CallerPushChannel;
  /** The Entra MFA round trip behind reset/unlock and the desk's sign-in link (the identity-verification app). */
  entraVerification: Pick<EntraMfaVerification, 'start' | 'complete'>;
};

export type PortalContext = PortalServices & {
  actor: PortalActor | null;
  client: ClientAddress;
  translator: Translator;
};

/** The context of a route that requires a signed-in user: the pipeline has checked `actor`. */
export type SignedInContext = PortalContext & { actor: PortalActor };
