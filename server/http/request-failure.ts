// The one place where errors become HTTP: status from one table, one body `{ error: { code, message,
// reason?, path? } }`, never a stack trace or a driver message. A dependency outage becomes a 503
// (server/http/dependency-outage.ts); other unexpected errors a generic 500. Callers log `errorSummary`.
import { ZodError } from 'zod';
import {
  appErrorCodeReasons,
  isAppError,
  type AppErrorCode,
  type AppErrorReason,
  type PageErrorReason,
} from '@/lib/app-error';
import { outageOf, temporarilyUnavailableMessage } from './dependency-outage';

export const httpStatusByCode: Record<AppErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EXPIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UPSTREAM_ERROR: 502,
  UNAVAILABLE: 503,
  CONFIG_ERROR: 500,
  INTERNAL: 500,
};

export type RequestFailure = { code: AppErrorCode; message: string; reason?: AppErrorReason; path?: string };

export function requestFailureOf(error: unknown): RequestFailure {
  if (isAppError(error)) {
    const reason = error.reason;
    return {
      code: error.code,
      message: error.message,
      ...(reason ? { reason } : {}),
      ...(error.details.path ? { path: error.details.path } : {}),
    };
  }
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const path = issue ? issue.path.map(String).join('.') : '';
    return {
      code: 'INVALID_INPUT',
      message: `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid input'}`,
      reason: 'invalidInput',
      ...(path ? { path } : {}),
    };
  }
  // A driver's connection error names hosts and databases: it becomes the outage sentence.
  if (outageOf(error))
    return { code: 'UNAVAILABLE', message: temporarilyUnavailableMessage, reason: 'temporarilyUnavailable' };
  return { code: 'INTERNAL', message: 'Something went wrong on our side.' };
}

/**
 * What the log line says about an error (server/log/logger.ts): an outage by dependency only (driver texts
 * name hosts and databases), an AppError by code and reason, anything else by name and message.
 */
export function errorSummary(error: unknown): Record<string, string> {
  const dependency = outageOf(error);
  if (dependency) return { kind: 'outage', dependency };
  if (isAppError(error)) {
    // Stored data that fails its schema names where it came from (server/database/stored-json.ts).
    const { source, storedPath } = error.details;
    return {
      kind: 'appError',
      code: error.code,
      ...(error.reason ? { reason: error.reason } : {}),
      ...(error.reason === 'storedDataInvalid' && typeof source === 'string' ? { source } : {}),
      ...(typeof storedPath === 'string' ? { storedPath } : {}),
    };
  }
  if (error instanceof ZodError) return { kind: 'invalidInput' };
  return {
    kind: 'unexpected',
    name: error instanceof Error ? error.name : typeof error,
    message: (error instanceof Error ? error.message : String(error)).slice(0, 300),
  };
}

export function statusOf(failure: RequestFailure): number {
  return httpStatusByCode[failure.code];
}

/** Denials are audited: the caller was refused, not mistaken. */
export function isDenial(failure: RequestFailure): boolean {
  return ['UNAUTHORIZED', 'FORBIDDEN', 'RATE_LIMITED', 'PAYLOAD_TOO_LARGE'].includes(failure.code);
}

export function failureResponse(failure: RequestFailure, headers: HeadersInit = {}): Response {
  return Response.json({ error: failure }, { status: statusOf(failure), headers });
}

/** The reason a page explains: the error's own reason, else its code in camelCase (`RATE_LIMITED` → `rateLimited`). */
export function reasonOf(failure: RequestFailure): PageErrorReason {
  return failure.reason ?? appErrorCodeReasons[failure.code];
}
