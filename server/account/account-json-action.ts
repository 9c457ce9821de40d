import 'server-only';
// JSON requests from /account (the WebAuthn ceremony): same-origin check, the signed-in user from the
// session, zod, one function; errors in JSON with the AppError status.
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { isAppError } from '../../lib/app-error';
import { requireSession } from '../auth/require-role';
import { getConfig } from '../config';
import { httpStatusByCode } from '../http/request-failure';
import { checkOrigin } from '../http/check-origin';
import { requestOriginOf } from '../reset/http/request-origin';

export async function handleAccountJson<S extends z.ZodType>(
  request: NextRequest,
  options: {
    schema: S;
    run: (
      input: z.infer<S>,
      user: { oid: string; userName: string; displayName: string },
      origin: { ip: string | null; userAgent: string | null },
    ) => Promise<unknown>;
  },
): Promise<NextResponse> {
  try {
    checkOrigin(request.headers, getConfig().APP_ORIGIN, { isUserNavigationAllowed: false });
    const session = await requireSession();
    const parsed = options.schema.safeParse(await request.json().catch(() => null));
    if (!parsed.success)
      return NextResponse.json({ error: { code: 'INVALID_INPUT', reason: 'invalid_input' } }, { status: 400 });
    const user = {
      oid: session.oid,
      userName: session.user?.email ?? session.oid,
      displayName: session.user?.name ?? session.user?.email ?? session.oid,
    };
    return NextResponse.json(await options.run(parsed.data as z.infer<S>, user, requestOriginOf(request.headers)));
  } catch (error) {
    if (!isAppError(error))
      console.error('[verity] account request failed:', error instanceof Error ? error.message : String(error));
    return NextResponse.json(
      {
        error: {
          code: isAppError(error) ? error.code : 'INTERNAL',
          reason: isAppError(error) ? String(error.details.reason ?? error.code.toLowerCase()) : 'generic',
        },
      },
      { status: isAppError(error) ? httpStatusByCode[error.code] : 500 },
    );
  }
}
