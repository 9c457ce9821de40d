import 'server-only';
// Everything the reset functions touch, passed in (database, directory, clock, messengers, limits), so the
// integration tests run the real functions against a real database with an in-memory directory, and the
// route handlers use the production wiring from server/context/production-services.ts.
import type { DatabaseClient } from '../database/create-database-client';
import type { OnPremisesDirectories } from '../hybrid/on-premises-directories';
import type { EntraMfaVerification } from '../verification/entra-mfa-verification';
import type { ResetDirectory } from './reset-directory';
import type { ResetSettings } from './reset-settings';

/** Same shape as server/rate-limit/rate-limiter.ts's limiter. */
export type Limiter = { consume(key: string): Promise<{ allowed: boolean; retryAfterSeconds: number }> };

export type ResetLimiters = {
  /** Starting a reset or a verification (Entra round trip): per (account, client), per IP, and a per-account
   * ceiling ten times higher, so nobody else can spend the user's starts (ASVS5 6.3.1; FPCS). */
  startPerAccountAndClient: Limiter;
  startPerIp: Limiter;
  startPerAccount: Limiter;
  /** Sending SMS/email codes: nobody's phone or inbox can be flooded (ASVS5 2.4.1). */
  sendPerAccount: Limiter;
  sendPerIp: Limiter;
  /** Checking codes (TOTP, SMS, email): per session, per (account, client), and a per-account ceiling that
   * bounds guessing across sessions and addresses (ASVS5 6.6.3). */
  verifyPerSession: Limiter;
  verifyPerAccountAndClient: Limiter;
  verifyPerAccount: Limiter;
};

export type ResetDependencies = {
  db: DatabaseClient;
  directory: ResetDirectory;
  /** AD connections for synced users (their password writes and unlocks go there, by objectSid). */
  onPremises: OnPremisesDirectories;
  settings: ResetSettings;
  entra: Pick<EntraMfaVerification, 'start' | 'complete'>;
  now: () => Date;
  sendEmail(message: { to: string; subject: string; text: string }): Promise<void>;
  sendSms(message: { to: string; body: string }): Promise<void>;
  limiters: ResetLimiters;
  /** Runs work off the request path so its duration never shows in the response time. */
  inBackground(task: () => Promise<void>): void;
};

export type RequestOrigin = { ip: string | null; userAgent: string | null };
