// The one place where error codes become HTTP statuses. Bodies carry a code and a clear message,
// never a stack trace; unexpected errors become a generic 500 and are logged server-side.
import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { isAppError, type AppErrorCode } from '../../lib/app-error';

export const httpStatusByCode: Record<AppErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EXPIRED: 410,
  RATE_LIMITED: 429,
  UPSTREAM_ERROR: 502,
  UNAVAILABLE: 503,
  CONFIG_ERROR: 500,
  INTERNAL: 500,
};

export function appErrorResponse(error: unknown): NextResponse {
  if (isAppError(error)) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, path: error.details.path } },
      { status: httpStatusByCode[error.code] },
    );
  }
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const path = issue ? issue.path.join('.') : '';
    return NextResponse.json(
      {
        error: {
          code: 'INVALID_INPUT',
          message: `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid input'}`,
          path,
        },
      },
      { status: 400 },
    );
  }
  console.error('[verity] unexpected error', error);
  return NextResponse.json(
    { error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } },
    { status: 500 },
  );
}
