import 'server-only';
// Production wiring of the reset functions: Prisma, Graph, msal-node, nodemailer, the SMS gateway and the
// shared rate limiters (memory, or Redis with REDIS_URL). Limits: ASVS5 6.3.1 and 2.4.1.
import { getConfig } from '../config';
import { getDatabase } from '../database/database';
import { sendEmail } from '../notify/send-email';
import { sendSms } from '../notify/send-sms';
import { createRateLimiter } from '../rate-limit/rate-limiter';
import { createEntraMfaVerification } from '../verification/entra-mfa-verification';
import { onPremisesDirectoriesFrom } from '../hybrid/on-premises-directories';
import { runInBackground } from './background-tasks';
import { graphResetDirectory } from './graph-reset-directory';
import type { ResetDependencies } from './reset-dependencies';
import { resetSettingsFrom } from './reset-settings';

export function defaultResetDependencies(): ResetDependencies {
  const config = getConfig();
  const settings = resetSettingsFrom(config);
  const credential =
    config.ENTRA_RESET_CLIENT_CERTIFICATE_KEY && config.ENTRA_RESET_CLIENT_CERTIFICATE_THUMBPRINT
      ? {
          certificate: {
            privateKey: config.ENTRA_RESET_CLIENT_CERTIFICATE_KEY,
            thumbprintSha256: config.ENTRA_RESET_CLIENT_CERTIFICATE_THUMBPRINT,
          },
        }
      : { clientSecret: config.ENTRA_RESET_CLIENT_SECRET };
  return {
    db: getDatabase(),
    directory: graphResetDirectory,
    onPremises: onPremisesDirectoriesFrom(config),
    settings,
    entra: createEntraMfaVerification({
      authorityHost: config.ENTRA_AUTHORITY_HOST,
      tenantId: config.ENTRA_TENANT_ID,
      clientId: config.ENTRA_RESET_CLIENT_ID,
      credential,
      maxAuthAgeSeconds: config.RESET_ENTRA_MAX_AUTH_AGE_SECONDS,
      ...(config.RESET_ENTRA_AUTH_CONTEXT ? { requiredAuthenticationContext: config.RESET_ENTRA_AUTH_CONTEXT } : {}),
    }),
    now: () => new Date(),
    sendEmail: (message) => sendEmail(message),
    sendSms: (message) => sendSms(message),
    limiters: {
      startPerAccount: createRateLimiter({ keyPrefix: 'reset-start-account', points: 10, durationSeconds: 15 * 60 }),
      startPerIp: createRateLimiter({ keyPrefix: 'reset-start-ip', points: 60, durationSeconds: 15 * 60 }),
      sendPerAccount: createRateLimiter({ keyPrefix: 'reset-send-account', points: 5, durationSeconds: 60 * 60 }),
      sendPerIp: createRateLimiter({ keyPrefix: 'reset-send-ip', points: 30, durationSeconds: 60 * 60 }),
      verifyPerAccount: createRateLimiter({ keyPrefix: 'reset-verify-account', points: 20, durationSeconds: 15 * 60 }),
    },
    inBackground: runInBackground,
  };
}
