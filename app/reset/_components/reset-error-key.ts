// Maps an error reason from the query string to a message key; unknown values get the generic message,
// so a crafted URL can only ever show one of our own sentences. Both tables are keyed by closed unions: a new
// AppError reason (lib/app-error.ts) or Entra round-trip outcome does not compile until it is given a message here.
import type { PageErrorReason } from '@/lib/app-error';
import { isKeyOf } from '@/lib/is-key-of';
import type resetMessages from '@/messages/en/reset.json';
import type { EntraReturn } from '@/server/reset/entra-reset-verification';

type ResetErrorKey = keyof (typeof resetMessages)['errors'];
type EntraNoticeKey = keyof (typeof resetMessages)['services']['entra'];

// Hybrid users (server/hybrid/self-service-write.ts): one refusal for every reason, AD's rules by name.
const resetErrorKeys: Record<PageErrorReason, ResetErrorKey> = {
  // INVALID_INPUT
  invalidInput: 'invalidInput',
  malformedPath: 'invalidInput',
  invalidCallbackUrl: 'invalidInput',
  wrongCode: 'wrongCode',
  passkeyFailed: 'invalidInput',
  enrolmentExpired: 'invalidInput',
  passwordRules: 'passwordRules',
  entraBanned: 'entraBanned',
  entraComplexity: 'entraComplexity',
  entraRejected: 'entraRejected',
  adPasswordRules: 'invalidInput',
  adMinLength: 'adMinLength',
  adComplexity: 'adComplexity',
  adHistory: 'adHistory',
  adMinimumAge: 'adMinimumAge',
  // NOT_FOUND
  notFound: 'generic',
  adAccountNotFound: 'generic',
  // UNAUTHORIZED
  unauthorized: 'unauthorized',
  signedOut: 'unauthorized',
  noSession: 'noSession',
  reauthenticationRequired: 'unauthorized',
  mfaStepUpRequired: 'unauthorized',
  // FORBIDDEN
  forbidden: 'forbidden',
  crossSite: 'forbidden',
  csrf: 'csrf',
  missingRole: 'forbidden',
  notCaseAgent: 'forbidden',
  notEnoughStars: 'notEnoughStars',
  selfServiceRefused: 'selfServiceRefused',
  adAccessDenied: 'forbidden',
  ownAccount: 'forbidden',
  supervisorAccount: 'forbidden',
  targetBlocked: 'forbidden',
  notVerified: 'forbidden',
  notEnoughVerification: 'forbidden',
  needsStrongMethod: 'forbidden',
  needsSecondMethod: 'forbidden',
  needsSupervisorApproval: 'forbidden',
  approvalNotNeeded: 'forbidden',
  approvalNotRequested: 'forbidden',
  approverIsAgent: 'forbidden',
  approverIsTarget: 'forbidden',
  // CONFLICT
  conflict: 'generic',
  alreadyInProgress: 'alreadyInProgress',
  confirmingChange: 'generic',
  completed: 'completed',
  caseEnded: 'generic',
  alreadyApproved: 'generic',
  adIdentityMissing: 'generic',
  adDomainNotConnected: 'generic',
  // RATE_LIMITED
  rateLimited: 'rateLimited',
  tooManyTries: 'tooManyTries',
  // PAYLOAD_TOO_LARGE
  payloadTooLarge: 'generic',
  bodyTooLarge: 'generic',
  // EXPIRED
  expired: 'expired',
  tooManyFailures: 'tooManyFailures',
  expiredCode: 'expiredCode',
  windowExpired: 'expired',
  // UPSTREAM_ERROR
  upstreamError: 'upstreamError',
  adRefused: 'adRefused',
  entraUnavailable: 'entraUnavailable',
  // UNAVAILABLE
  unavailable: 'temporarilyUnavailable',
  temporarilyUnavailable: 'temporarilyUnavailable',
  adUnavailable: 'adUnavailable',
  adOutcomeUnknown: 'generic',
  // CONFIG_ERROR
  configError: 'generic',
  unsafeInProduction: 'generic',
  // INTERNAL
  internal: 'internal',
  storedDataInvalid: 'internal',
};

export function resetErrorKey(reason: string | undefined): string | null {
  if (!reason) return null;
  return `reset.errors.${isKeyOf(resetErrorKeys, reason) ? resetErrorKeys[reason] : 'generic'}`;
}

type EntraOutcome = 'verified' | Extract<EntraReturn, { outcome: 'failed' }>['reason'];

const entraNoticeKeys: Record<EntraOutcome, EntraNoticeKey> = {
  verified: 'verified',
  cancelled: 'cancelled',
  entraError: 'entraError',
  missingCode: 'failed',
  stateMismatch: 'failed',
  bindingMismatch: 'failed',
  tokenExchangeFailed: 'failed',
  nonceMismatch: 'failed',
  wrongIssuer: 'failed',
  oidMismatch: 'oidMismatch',
  staleAuthentication: 'staleAuthentication',
  noMfaEvidence: 'noMfaEvidence',
  noPendingVerification: 'noPendingVerification',
};

/** `?entra=`: the round trip's outcome, or a pipeline failure's reason (which gets the general sentence). */
export function entraNoticeKey(reason: string | undefined): string | null {
  if (!reason) return null;
  return `reset.services.entra.${isKeyOf(entraNoticeKeys, reason) ? entraNoticeKeys[reason] : 'failed'}`;
}
