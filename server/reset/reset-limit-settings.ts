import 'server-only';
// The self-service limits (ASVS5 6.3.1, 2.4.1, 6.6.3; FPCS "no lockout from reset requests"). Starts and code
// checks are counted per (account, client) and per session, where only the requester spends them, under a
// per-account ceiling ten times higher that bounds guessing from many addresses: someone who is not the user
// runs out of their own budget long before the user's (issue 11, finding 7; docs/security.md). Sending codes
// stays per account: it protects the user's phone and inbox from flooding, whoever asks.
import type { Limiter, ResetLimiters } from './reset-dependencies';

export type ResetLimitSetting = { keyPrefix: string; points: number; durationSeconds: number };

const fifteenMinutes = 15 * 60;
const oneHour = 60 * 60;

export const resetLimitSettings: Record<keyof ResetLimiters, ResetLimitSetting> = {
  startPerAccountAndClient: { keyPrefix: 'reset-start-account-client', points: 10, durationSeconds: fifteenMinutes },
  startPerAccount: { keyPrefix: 'reset-start-account-ceiling', points: 100, durationSeconds: fifteenMinutes },
  startPerIp: { keyPrefix: 'reset-start-ip', points: 60, durationSeconds: fifteenMinutes },
  sendPerAccount: { keyPrefix: 'reset-send-account', points: 5, durationSeconds: oneHour },
  sendPerIp: { keyPrefix: 'reset-send-ip', points: 30, durationSeconds: oneHour },
  verifyPerSession: { keyPrefix: 'reset-verify-session', points: 20, durationSeconds: fifteenMinutes },
  verifyPerAccountAndClient: { keyPrefix: 'reset-verify-account-client', points: 20, durationSeconds: fifteenMinutes },
  verifyPerAccount: { keyPrefix: 'reset-verify-account-ceiling', points: 200, durationSeconds: fifteenMinutes },
};

/** Every reset limiter, each built by `create` from its setting (memory or Redis: server/rate-limit). */
export function resetLimitersFrom(create: (setting: ResetLimitSetting) => Limiter): ResetLimiters {
  const limiters: Partial<ResetLimiters> = {};
  for (const name of Object.keys(resetLimitSettings) as (keyof ResetLimiters)[])
    limiters[name] = create(resetLimitSettings[name]);
  return limiters as ResetLimiters;
}
