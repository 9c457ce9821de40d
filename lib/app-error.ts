// The project's one error type. Every layer throws AppError with a code from this closed set;
// the server maps codes to HTTP status in one place (server/http/request-failure.ts) and the CLI maps
// them to exit codes. Modelled on documenso's AppError and jose's error codes.
import { isOneOf } from './is-one-of';

export const appErrorCodes = [
  'INVALID_INPUT', // malformed or out-of-range input (4xx / CLI exit 2)
  'NOT_FOUND',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE', // a request body over the route's limit, refused before it is read
  'EXPIRED',
  'UPSTREAM_ERROR', // Entra / Graph / SMTP answered with an error
  'UNAVAILABLE', // a dependency (the on-premises DC) cannot be reached now: 503, nothing was changed
  'CONFIG_ERROR', // bad environment configuration
  'INTERNAL',
] as const;

export type AppErrorCode = (typeof appErrorCodes)[number];

/**
 * The closed set of machine reasons, per code (jose's discriminated errors are the model): a reason that is not
 * listed under its code does not compile, and tables keyed by AppErrorReason must give every reason a message.
 * One casing, camelCase (lib/app-error.test.ts). A new refusal is added here, under the code it is thrown with.
 * The desk policy's refusals (lib/desk) are reasons too, under the code server/desk/desk-refusal-error.ts uses.
 */
export const appErrorReasons = {
  INVALID_INPUT: [
    'invalidInput',
    'malformedPath',
    'malformedBody',
    'malformedRequest',
    'invalidCallbackUrl',
    'wrongCode',
    'passkeyFailed',
    'enrolmentExpired',
    'passwordRules',
    'entraBanned',
    'entraComplexity',
    'entraRejected',
    'adPasswordRules',
    'adMinLength',
    'adComplexity',
    'adHistory',
    'adMinimumAge',
  ],
  NOT_FOUND: ['notFound', 'adAccountNotFound'],
  UNAUTHORIZED: ['signedOut', 'noSession', 'reauthenticationRequired', 'mfaStepUpRequired'],
  FORBIDDEN: [
    'crossSite',
    'csrf',
    'missingRole',
    'notCaseAgent',
    'notEnoughStars',
    'selfServiceRefused',
    'adAccessDenied',
    'ownAccount',
    'supervisorAccount',
    'targetBlocked',
    'notVerified',
    'notEnoughVerification',
    'needsStrongMethod',
    'needsSecondMethod',
    'needsSupervisorApproval',
    'approvalNotNeeded',
    'approvalNotRequested',
    'approverIsAgent',
    'approverIsTarget',
  ],
  CONFLICT: [
    'alreadyInProgress',
    'confirmingChange',
    'completed',
    'caseEnded',
    'alreadyApproved',
    'adIdentityMissing',
    'adDomainNotConnected',
    'adAccountNotFound',
  ],
  RATE_LIMITED: ['rateLimited', 'tooManyTries'],
  PAYLOAD_TOO_LARGE: ['bodyTooLarge'],
  EXPIRED: ['expired', 'completed', 'tooManyFailures', 'expiredCode', 'windowExpired'],
  UPSTREAM_ERROR: ['upstreamError', 'adRefused', 'entraUnavailable'],
  UNAVAILABLE: ['temporarilyUnavailable', 'adUnavailable', 'adOutcomeUnknown'],
  CONFIG_ERROR: ['configError', 'unsafeInProduction'],
  INTERNAL: ['internal', 'storedDataInvalid'],
} as const satisfies Record<AppErrorCode, readonly string[]>;

/** The reasons an error with code `C` may carry (all reasons when C is the whole union). */
export type AppErrorReason<C extends AppErrorCode = AppErrorCode> = (typeof appErrorReasons)[C][number];

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Lowercase<Head>}${Capitalize<CamelCase<Tail>>}`
  : Lowercase<S>;

/**
 * Each code in camelCase: what a page is told when an error carries no reason of its own
 * (server/http/request-failure.ts reasonOf). Written out so the table is checked against the codes.
 */
export const appErrorCodeReasons = {
  INVALID_INPUT: 'invalidInput',
  NOT_FOUND: 'notFound',
  UNAUTHORIZED: 'unauthorized',
  FORBIDDEN: 'forbidden',
  CONFLICT: 'conflict',
  RATE_LIMITED: 'rateLimited',
  PAYLOAD_TOO_LARGE: 'payloadTooLarge',
  EXPIRED: 'expired',
  UPSTREAM_ERROR: 'upstreamError',
  UNAVAILABLE: 'unavailable',
  CONFIG_ERROR: 'configError',
  INTERNAL: 'internal',
} as const satisfies { [C in AppErrorCode]: CamelCase<C> };

/**
 * What a page can be sent back with in `?error=`: a reason, or a code in camelCase. Tables that turn it into a
 * message are `Record<PageErrorReason, ...>`, so a new reason does not compile until each page decides on a message.
 */
export type PageErrorReason = AppErrorReason | (typeof appErrorCodeReasons)[AppErrorCode];

export function isAppErrorReason<C extends AppErrorCode>(code: C, value: unknown): value is AppErrorReason<C> {
  return isOneOf(appErrorReasons[code], value);
}

export type AppErrorDetails<C extends AppErrorCode = AppErrorCode> = {
  /** File or request part the error is about, e.g. "tenant.json". */
  source?: string;
  /** JSON path inside the source, e.g. "$.value[3].conditions.locations". */
  path?: string;
  /** Machine reason the UI switches on, from the code's closed list. */
  reason?: AppErrorReason<C>;
  [key: string]: unknown;
};

export class AppError<C extends AppErrorCode = AppErrorCode> extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: C,
    message: string,
    readonly details: AppErrorDetails<C> = {},
  ) {
    super(message);
  }

  /** The machine reason, from the code's closed list. */
  get reason(): AppErrorReason<C> | undefined {
    return this.details.reason;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
