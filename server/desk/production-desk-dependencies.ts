import 'server-only';
// Production wiring of the desk: Graph directory, the configured push channel, SMTP mail and the SMS
// gateway, rate limits (memory or Redis), the policy with the configured numbers.
import { defaultDeskPolicy, deskVerificationMethods, type DeskVerificationMethod } from '../../lib/desk/desk-policy';
import { getConfig } from '../config';
import { getDatabase } from '../database/database';
import { sendEmail } from '../notify/send-email';
import { sendSms } from '../notify/send-sms';
import { createRateLimiter, type RateLimiter } from '../rate-limit/rate-limiter';
import { createEntraMfaVerification, type EntraMfaVerification } from '../verification/entra-mfa-verification';
import type { DeskDependencies, DeskLimitKind } from './desk-dependencies';
import { graphDeskDirectory } from './graph-desk-directory';
import { graphMockPushChannel } from './graph-mock-push-channel';

// Per agent: enough for a busy shift, too few to bomb anyone. Per target: 3 pushes or codes in 15
// minutes, the same order as Entra's own push throttling (3 unanswered pushes in 10 minutes in the mock).
const limitSettings: Record<DeskLimitKind, { points: number; durationSeconds: number }> = {
  pushPerAgent: { points: 20, durationSeconds: 3600 },
  pushPerTarget: { points: 3, durationSeconds: 900 },
  codePerAgent: { points: 20, durationSeconds: 3600 },
  codePerTarget: { points: 3, durationSeconds: 900 },
  searchPerAgent: { points: 120, durationSeconds: 600 },
};

const holder = globalThis as typeof globalThis & { verityDeskLimiters?: Map<DeskLimitKind, RateLimiter> };

function limiter(kind: DeskLimitKind): RateLimiter {
  holder.verityDeskLimiters ??= new Map();
  let existing = holder.verityDeskLimiters.get(kind);
  if (!existing) {
    existing = createRateLimiter({ keyPrefix: `desk:${kind}`, ...limitSettings[kind] });
    holder.verityDeskLimiters.set(kind, existing);
  }
  return existing;
}

export function productionDeskDependencies(): DeskDependencies {
  const config = getConfig();
  return {
    db: getDatabase(),
    directory: graphDeskDirectory,
    pushChannel: graphMockPushChannel,
    messenger: { sendEmail, sendSms },
    limits: { consume: (kind, key) => limiter(kind).consume(key) },
    policy: {
      ...defaultDeskPolicy,
      windowMinutes: config.DESK_WINDOW_MINUTES,
      blockMinutesAfterRejectedPush: config.DESK_BLOCK_MINUTES,
      temporaryAccessPass: {
        lifetimeMinutes: config.DESK_TAP_LIFETIME_MINUTES,
        isUsableOnce: config.DESK_TAP_ONE_TIME,
      },
    },
    settings: {
      appOrigin: config.APP_ORIGIN,
      privilegedGroupIds: config.DESK_PRIVILEGED_GROUP_IDS,
      supervisorGroupIds: config.DESK_SUPERVISOR_GROUP_IDS,
      enabledMethods: config.DESK_METHODS.filter((m): m is DeskVerificationMethod =>
        (deskVerificationMethods as readonly string[]).includes(m),
      ),
      supervisorAlertEmail: config.DESK_SUPERVISOR_ALERT_EMAIL,
      codeHashKey: config.AUTH_SECRET,
    },
    now: () => new Date(),
  };
}

/**
 * The Entra MFA verification behind the desk's sign-in link: the reset portal's module, with the identity
 * verification app registration (ENTRA_RESET_CLIENT_*), whose redirect URIs include /api/desk/verify/callback.
 */
export function deskEntraVerification(): EntraMfaVerification {
  const config = getConfig();
  return createEntraMfaVerification({
    authorityHost: config.ENTRA_AUTHORITY_HOST,
    tenantId: config.ENTRA_TENANT_ID,
    clientId: config.ENTRA_RESET_CLIENT_ID,
    credential:
      config.ENTRA_RESET_CLIENT_CERTIFICATE_KEY && config.ENTRA_RESET_CLIENT_CERTIFICATE_THUMBPRINT
        ? {
            certificate: {
              privateKey: config.ENTRA_RESET_CLIENT_CERTIFICATE_KEY,
              thumbprintSha256: config.ENTRA_RESET_CLIENT_CERTIFICATE_THUMBPRINT,
            },
          }
        : { clientSecret: config.ENTRA_RESET_CLIENT_SECRET },
    maxAuthAgeSeconds: config.RESET_ENTRA_MAX_AUTH_AGE_SECONDS,
    ...(config.RESET_ENTRA_AUTH_CONTEXT ? { requiredAuthenticationContext: config.RESET_ENTRA_AUTH_CONTEXT } : {}),
  });
}
