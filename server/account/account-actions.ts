import 'server-only';
// /account form posts: same-origin check (account pages keep a real Origin, docs/decisions/0004), the
// signed-in user from the session (never from the form), then one function.
import { NextResponse, type NextRequest } from 'next/server';
import { ZodError, type z } from 'zod';
import { isAppError } from '../../lib/app-error';
import { requireSession } from '../auth/require-role';
import { getConfig } from '../config';
import { checkOrigin } from '../http/check-origin';
import { requestOriginOf } from '../reset/http/request-origin';

export async function handleAccountForm<S extends z.ZodType>(
  request: NextRequest,
  options: {
    schema: S;
    errorPath: string;
    run: (
      input: z.infer<S>,
      user: { oid: string },
      origin: { ip: string | null; userAgent: string | null },
    ) => Promise<string>;
  },
): Promise<NextResponse> {
  const appOrigin = getConfig().APP_ORIGIN;
  const go = (path: string) => {
    const response = NextResponse.redirect(new URL(path, appOrigin), 303);
    response.headers.set('Cache-Control', 'no-store');
    return response;
  };
  try {
    checkOrigin(request.headers, getConfig().APP_ORIGIN, { isUserNavigationAllowed: false });
    const session = await requireSession();
    const form = await request.formData().catch(() => new FormData());
    const input = options.schema.parse(
      Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')),
    ) as z.infer<S>;
    return go(await options.run(input, { oid: session.oid }, requestOriginOf(request.headers)));
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN')
      return NextResponse.json({ error: { code: 'FORBIDDEN', message: error.message } }, { status: 403 });
    const reason = isAppError(error)
      ? String(error.details.reason ?? error.code.toLowerCase())
      : error instanceof ZodError
        ? 'invalid_input'
        : 'generic';
    if (!isAppError(error) && !(error instanceof ZodError))
      console.error('[verity] account form failed:', error instanceof Error ? error.message : String(error));
    return go(`${options.errorPath}?error=${encodeURIComponent(reason)}`);
  }
}
