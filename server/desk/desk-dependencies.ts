import 'server-only';
// Everything a desk server function uses, passed in so that the rules run in integration tests against
// a real database with in-memory directory, push channel and mail (production wiring:
// production-desk-dependencies.ts).
import type { DeskPolicy, DeskVerificationMethod } from '../../lib/desk/desk-policy';
import type { DatabaseClient } from '../database/create-database-client';
import type { OnPremisesDirectories } from '../hybrid/on-premises-directories';
import type { CallerPushChannel } from './caller-push-channel';
import type { DeskDirectory } from './desk-directory';

export type DeskMessenger = {
  sendEmail(message: { to: string; subject: string; text: string }): Promise<void>;
  sendSms(message: { to: string; body: string }): Promise<void>;
};

export type DeskLimitKind = 'pushPerAgent' | 'pushPerTarget' | 'codePerAgent' | 'codePerTarget' | 'searchPerAgent';

export type DeskRateLimits = {
  consume(kind: DeskLimitKind, key: string): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
};

export type DeskSettings = {
  appOrigin: string;
  privilegedGroupIds: string[];
  supervisorGroupIds: string[];
  enabledMethods: DeskVerificationMethod[];
  supervisorAlertEmail: string;
  /** Key for the HMAC of read-back codes, so a database dump does not reveal them by brute force. */
  codeHashKey: string;
  /** How recent the agent's or supervisor's MFA sign-in must be for a TAP, an unlock or an approval. */
  mfaMaxAgeSeconds: number;
};

export type DeskDependencies = {
  db: DatabaseClient;
  directory: DeskDirectory;
  /** AD connections for synced users: unlock and the password-change flag go there, by objectSid. */
  onPremises: OnPremisesDirectories;
  pushChannel: CallerPushChannel;
  messenger: DeskMessenger;
  limits: DeskRateLimits;
  policy: DeskPolicy;
  settings: DeskSettings;
  now: () => Date;
};
