// The project's one error type. Every layer throws AppError with a code from this closed set;
// the server maps codes to HTTP status in one place (server/http/request-failure.ts) and the CLI maps
// them to exit codes. Modelled on documenso's AppError and jose's error codes.

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

export type AppErrorDetails = {
  /** File or request part the error is about, e.g. "tenant.json". */
  source?: string;
  /** JSON path inside the source, e.g. "$.value[3].conditions.locations". */
  path?: string;
  /** Machine reason the UI switches on (camelCase), e.g. "crossSite", "notEnoughStars". */
  reason?: string;
  [key: string]: unknown;
};

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: AppErrorDetails = {},
  ) {
    super(message);
  }

  /** The machine reason: `details.reason`, or the desk policy's refusal. */
  get reason(): string | undefined {
    const reason = this.details.reason ?? this.details.refusal;
    return typeof reason === 'string' ? reason : undefined;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
