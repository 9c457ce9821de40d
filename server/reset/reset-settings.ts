import 'server-only';
// The reset portal's settings, derived once from the validated configuration (server/config.ts).
import { identityServiceIds, type IdentityServiceId } from '../../lib/reset/identity-services';
import type { PasswordPolicy } from '../../lib/reset/password-policy';
import { entraMaximumPasswordLength } from '../../lib/reset/password-policy';
import type { ResetSessionLimits } from '../../lib/reset/reset-session-state';
import type { StarPolicy } from '../../lib/reset/star-scoring';
import type { Config } from '../config';

export type ResetSettings = {
  starPolicy: StarPolicy;
  passwordPolicy: PasswordPolicy;
  sessionLimits: ResetSessionLimits;
  codeLifetimeSeconds: number;
  maxCodeAttempts: number;
  appOrigin: string;
  isSecureOrigin: boolean;
  returnUrlAllowList: string[];
  secret: string;
  /** How long a password write or unlock holds its claim (RESET_WRITE_LEASE_SECONDS). */
  writeLeaseSeconds: number;
};

export function resetSettingsFrom(config: Config): ResetSettings {
  const starValues = config.RESET_SERVICE_STARS.split(',').map(Number);
  const stars = Object.fromEntries(identityServiceIds.map((id, index) => [id, starValues[index] ?? 0])) as Record<
    IdentityServiceId,
    number
  >;
  const enabledServices = identityServiceIds.filter((id) => config.RESET_ENABLED_SERVICES.split(',').includes(id));
  return {
    starPolicy: {
      stars,
      enabledServices,
      resetThreshold: config.RESET_STARS_REQUIRED,
      unlockThreshold: config.UNLOCK_STARS_REQUIRED,
      channelCodesCannotBypassMfa: config.RESET_CHANNEL_CODES_CANNOT_BYPASS_MFA,
    },
    passwordPolicy: {
      minLength: config.RESET_PASSWORD_MIN_LENGTH,
      maxLength: entraMaximumPasswordLength,
      organisationWords: config.RESET_BANNED_WORDS.split(',')
        .map((word) => word.trim())
        .filter(Boolean),
    },
    sessionLimits: {
      lifetimeSeconds: config.RESET_SESSION_MINUTES * 60,
      maxFailures: config.RESET_SESSION_MAX_FAILURES,
    },
    codeLifetimeSeconds: config.RESET_CODE_MINUTES * 60,
    // ASVS5 6.6.3: a code is worth at most five guesses.
    maxCodeAttempts: 5,
    appOrigin: config.APP_ORIGIN,
    isSecureOrigin: config.APP_ORIGIN.startsWith('https://'),
    returnUrlAllowList: [
      '/',
      ...config.RESET_RETURN_URL_ALLOW_LIST.split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    ],
    secret: config.AUTH_SECRET,
    writeLeaseSeconds: config.RESET_WRITE_LEASE_SECONDS,
  };
}
