// `?error=` on the reset and /account pages, as a message key: one row per reason or code (lib/app-error.ts),
// naming each page's sentence. Keyed by the closed union, so a new reason does not compile until both pages
// have decided on a message; a value that is not a reason (a crafted URL) gets the page's generic sentence.
import type { PageErrorReason } from '@/lib/app-error';
import { isKeyOf } from '@/lib/is-key-of';
import type accountMessages from '@/messages/en/account.json';
import type resetMessages from '@/messages/en/reset.json';

type PageErrorKeys = {
  reset: keyof (typeof resetMessages)['errors'];
  account: keyof (typeof accountMessages)['errors'];
};

// Hybrid users (server/hybrid/self-service-write.ts): one refusal for every reason, AD's rules by name.
const pageErrorKeys: Record<PageErrorReason, PageErrorKeys> = {
  // INVALID_INPUT
  invalidInput: { reset: 'invalidInput', account: 'invalidInput' },
  malformedPath: { reset: 'invalidInput', account: 'invalidInput' },
  malformedBody: { reset: 'invalidInput', account: 'invalidInput' },
  malformedRequest: { reset: 'invalidInput', account: 'invalidInput' },
  invalidCallbackUrl: { reset: 'invalidInput', account: 'invalidInput' },
  wrongCode: { reset: 'wrongCode', account: 'wrongCode' },
  passkeyFailed: { reset: 'invalidInput', account: 'invalidInput' },
  enrolmentExpired: { reset: 'invalidInput', account: 'enrolmentExpired' },
  passwordRules: { reset: 'passwordRules', account: 'invalidInput' },
  entraBanned: { reset: 'entraBanned', account: 'invalidInput' },
  entraComplexity: { reset: 'entraComplexity', account: 'invalidInput' },
  entraRejected: { reset: 'entraRejected', account: 'invalidInput' },
  adPasswordRules: { reset: 'invalidInput', account: 'invalidInput' },
  adMinLength: { reset: 'adMinLength', account: 'invalidInput' },
  adComplexity: { reset: 'adComplexity', account: 'invalidInput' },
  adHistory: { reset: 'adHistory', account: 'invalidInput' },
  adMinimumAge: { reset: 'adMinimumAge', account: 'invalidInput' },
  // NOT_FOUND
  notFound: { reset: 'generic', account: 'notFound' },
  adAccountNotFound: { reset: 'generic', account: 'notFound' },
  // UNAUTHORIZED
  unauthorized: { reset: 'unauthorized', account: 'unauthorized' },
  signedOut: { reset: 'unauthorized', account: 'unauthorized' },
  noSession: { reset: 'noSession', account: 'unauthorized' },
  reauthenticationRequired: { reset: 'unauthorized', account: 'reauthenticationRequired' },
  mfaStepUpRequired: { reset: 'unauthorized', account: 'unauthorized' },
  // FORBIDDEN
  forbidden: { reset: 'forbidden', account: 'forbidden' },
  crossSite: { reset: 'forbidden', account: 'forbidden' },
  csrf: { reset: 'csrf', account: 'forbidden' },
  missingRole: { reset: 'forbidden', account: 'forbidden' },
  notCaseAgent: { reset: 'forbidden', account: 'forbidden' },
  notEnoughStars: { reset: 'notEnoughStars', account: 'forbidden' },
  selfServiceRefused: { reset: 'selfServiceRefused', account: 'forbidden' },
  adAccessDenied: { reset: 'forbidden', account: 'forbidden' },
  ownAccount: { reset: 'forbidden', account: 'forbidden' },
  supervisorAccount: { reset: 'forbidden', account: 'forbidden' },
  targetBlocked: { reset: 'forbidden', account: 'forbidden' },
  notVerified: { reset: 'forbidden', account: 'forbidden' },
  notEnoughVerification: { reset: 'forbidden', account: 'forbidden' },
  needsStrongMethod: { reset: 'forbidden', account: 'forbidden' },
  needsSecondMethod: { reset: 'forbidden', account: 'forbidden' },
  needsSupervisorApproval: { reset: 'forbidden', account: 'forbidden' },
  approvalNotNeeded: { reset: 'forbidden', account: 'forbidden' },
  approvalNotRequested: { reset: 'forbidden', account: 'forbidden' },
  approverIsAgent: { reset: 'forbidden', account: 'forbidden' },
  approverIsTarget: { reset: 'forbidden', account: 'forbidden' },
  // CONFLICT
  conflict: { reset: 'generic', account: 'generic' },
  alreadyInProgress: { reset: 'alreadyInProgress', account: 'generic' },
  confirmingChange: { reset: 'generic', account: 'generic' },
  completed: { reset: 'completed', account: 'generic' },
  caseEnded: { reset: 'generic', account: 'generic' },
  alreadyApproved: { reset: 'generic', account: 'generic' },
  adIdentityMissing: { reset: 'generic', account: 'generic' },
  adDomainNotConnected: { reset: 'generic', account: 'generic' },
  // RATE_LIMITED
  rateLimited: { reset: 'rateLimited', account: 'generic' },
  tooManyTries: { reset: 'tooManyTries', account: 'generic' },
  // PAYLOAD_TOO_LARGE
  payloadTooLarge: { reset: 'generic', account: 'generic' },
  bodyTooLarge: { reset: 'generic', account: 'generic' },
  // EXPIRED
  expired: { reset: 'expired', account: 'generic' },
  tooManyFailures: { reset: 'tooManyFailures', account: 'generic' },
  expiredCode: { reset: 'expiredCode', account: 'generic' },
  windowExpired: { reset: 'expired', account: 'generic' },
  // UPSTREAM_ERROR
  upstreamError: { reset: 'upstreamError', account: 'generic' },
  adRefused: { reset: 'adRefused', account: 'generic' },
  entraUnavailable: { reset: 'entraUnavailable', account: 'generic' },
  // UNAVAILABLE
  unavailable: { reset: 'temporarilyUnavailable', account: 'generic' },
  temporarilyUnavailable: { reset: 'temporarilyUnavailable', account: 'generic' },
  adUnavailable: { reset: 'adUnavailable', account: 'generic' },
  adOutcomeUnknown: { reset: 'generic', account: 'generic' },
  // CONFIG_ERROR
  configError: { reset: 'generic', account: 'generic' },
  unsafeInProduction: { reset: 'generic', account: 'generic' },
  // INTERNAL
  internal: { reset: 'internal', account: 'generic' },
  storedDataInvalid: { reset: 'internal', account: 'generic' },
};

function pageErrorKey(page: keyof PageErrorKeys, reason: string | undefined): string | null {
  if (!reason) return null;
  return `${page}.errors.${isKeyOf(pageErrorKeys, reason) ? pageErrorKeys[reason][page] : 'generic'}`;
}

export const resetErrorKey = (reason: string | undefined) => pageErrorKey('reset', reason);
export const accountErrorKey = (reason: string | undefined) => pageErrorKey('account', reason);
