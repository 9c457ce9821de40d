// The project's one error type. Every layer throws AppError with a code from this closed set;
// the server maps codes to HTTP status in one place (server/http-status.ts) and the CLI maps
// them to exit codes. Modelled on documenso's AppError and jose's error codes.

export const appErrorCodes = [
  'INVALID_INPUT', // malformed or out-of-range input (4xx / CLI exit 2)
  'NOT_FOUND',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'CONFLICT',
  'RATE_LIMITED',
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
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
