// Maps an error reason from the query string to a message key; unknown values get the generic message,
// so a crafted URL can only ever show one of our own sentences.
const knownErrors = new Set([
  'noSession',
  'csrf',
  'invalidInput',
  'rateLimited',
  'wrongCode',
  'expiredCode',
  'tooManyTries',
  'codeReused',
  'notEnoughStars',
  'passwordRules',
  'entraBanned',
  'entraComplexity',
  'entraRejected',
  'entraUnavailable',
  'alreadyInProgress',
  'expired',
  'tooManyFailures',
  'completed',
  'forbidden',
  'unauthorized',
  'upstreamError',
  'temporarilyUnavailable',
  'internal',
  // Hybrid users (server/hybrid/self-service-write.ts): one refusal for every reason, AD's rules by name.
  'selfServiceRefused',
  'adMinLength',
  'adComplexity',
  'adHistory',
  'adMinimumAge',
  'adUnavailable',
  'adRefused',
]);

export function resetErrorKey(reason: string | undefined): string | null {
  if (!reason) return null;
  return `reset.errors.${knownErrors.has(reason) ? reason : 'generic'}`;
}

const entraSpecific = new Set([
  'verified',
  'cancelled',
  'entraError',
  'oidMismatch',
  'staleAuthentication',
  'noMfaEvidence',
  'noPendingVerification',
]);

export function entraNoticeKey(reason: string | undefined): string | null {
  if (!reason) return null;
  return `reset.services.entra.${entraSpecific.has(reason) ? reason : 'failed'}`;
}
