// Maps `?error=` on the /account pages to a message key; unknown values get the generic message. Keyed by the
// closed reason union (lib/app-error.ts): a new reason does not compile until it is given a message here.
import type { PageErrorReason } from '@/lib/app-error';
import { isKeyOf } from '@/lib/is-key-of';
import type accountMessages from '@/messages/en/account.json';

type AccountErrorKey = keyof (typeof accountMessages)['errors'];

const accountErrorKeys: Record<PageErrorReason, AccountErrorKey> = {
  // INVALID_INPUT
  invalidInput: 'invalidInput',
  malformedPath: 'invalidInput',
  invalidCallbackUrl: 'invalidInput',
  wrongCode: 'wrongCode',
  passkeyFailed: 'invalidInput',
  enrolmentExpired: 'enrolmentExpired',
  passwordRules: 'invalidInput',
  entraBanned: 'invalidInput',
  entraComplexity: 'invalidInput',
  entraRejected: 'invalidInput',
  adPasswordRules: 'invalidInput',
  adMinLength: 'invalidInput',
  adComplexity: 'invalidInput',
  adHistory: 'invalidInput',
  adMinimumAge: 'invalidInput',
  // NOT_FOUND
  notFound: 'notFound',
  adAccountNotFound: 'notFound',
  // UNAUTHORIZED
  unauthorized: 'unauthorized',
  signedOut: 'unauthorized',
  noSession: 'unauthorized',
  reauthenticationRequired: 'reauthenticationRequired',
  mfaStepUpRequired: 'unauthorized',
  // FORBIDDEN
  forbidden: 'forbidden',
  crossSite: 'forbidden',
  csrf: 'forbidden',
  missingRole: 'forbidden',
  notCaseAgent: 'forbidden',
  notEnoughStars: 'forbidden',
  selfServiceRefused: 'forbidden',
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
  alreadyInProgress: 'generic',
  confirmingChange: 'generic',
  completed: 'generic',
  caseEnded: 'generic',
  alreadyApproved: 'generic',
  adIdentityMissing: 'generic',
  adDomainNotConnected: 'generic',
  // RATE_LIMITED
  rateLimited: 'generic',
  tooManyTries: 'generic',
  // PAYLOAD_TOO_LARGE
  payloadTooLarge: 'generic',
  bodyTooLarge: 'generic',
  // EXPIRED
  expired: 'generic',
  tooManyFailures: 'generic',
  expiredCode: 'generic',
  windowExpired: 'generic',
  // UPSTREAM_ERROR
  upstreamError: 'generic',
  adRefused: 'generic',
  entraUnavailable: 'generic',
  // UNAVAILABLE
  unavailable: 'generic',
  temporarilyUnavailable: 'generic',
  adUnavailable: 'generic',
  adOutcomeUnknown: 'generic',
  // CONFIG_ERROR
  configError: 'generic',
  unsafeInProduction: 'generic',
  // INTERNAL
  internal: 'generic',
  storedDataInvalid: 'generic',
};

export function accountErrorKey(reason: string | undefined): string | null {
  if (!reason) return null;
  return `account.errors.${isKeyOf(accountErrorKeys, reason) ? accountErrorKeys[reason] : 'generic'}`;
}
