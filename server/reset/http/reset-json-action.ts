import 'server-only';
// The JSON variant of reset requests, for the WebAuthn ceremony (the browser API needs script): same
// checks as the forms (Sec-Fetch-Site, session-bound CSRF token in the body, zod), answers in JSON with
// the status from the one AppError mapping.
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { isAppError } from '@/lib/app-error';
import { httpStatusByCode } from '../../http/request-failure';
import type { RequestOrigin, ResetDependencies } from '../reset-dependencies';
import { readResetCookie } from './reset-cookie';
import { assertCsrfToken, assertSameOrigin } from './reset-csrf';
import { errorReasonOf, noStore } from './reset-form-action';
import { requestOriginOf } from './request-origin';
import { resetDependencies } from './reset-dependencies-holder';

export async function handleResetJson<S extends z.ZodType>(
  request: NextRequest,
  options: {
    schema: S;
    run: (context: {
      deps: ResetDependencies;
      input: z.infer<S>;
      token: string | undefined;
      origin: RequestOrigin;
    }) => Promise<unknown>;
  },
): Promise<NextResponse> {
  const deps = resetDependencies();
  try {
    assertSameOrigin(request.headers, deps.settings);
    const body: unknown = await request.json().catch(() => null);
    const token = readResetCookie(request.cookies, deps.settings);
    assertCsrfToken(
      deps.settings,
      token,
      typeof body === 'object' && body !== null ? (body as { csrf?: unknown }).csrf : undefined,
    );
    const parsed = options.schema.safeParse(body);
    if (!parsed.success)
      return noStore(NextResponse.json({ error: { code: 'INVALID_INPUT', reason: 'invalid_input' } }, { status: 400 }));
    return noStore(
      NextResponse.json(
        await options.run({ deps, input: parsed.data as z.infer<S>, token, origin: requestOriginOf(request.headers) }),
      ),
    );
  } catch (error) {
    const status = isAppError(error) ? httpStatusByCode[error.code] : 500;
    if (!isAppError(error))
      console.error('[verity] reset request failed:', error instanceof Error ? error.message : String(error));
    return noStore(
      NextResponse.json(
        { error: { code: isAppError(error) ? error.code : 'INTERNAL', reason: errorReasonOf(error) } },
        { status },
      ),
    );
  }
}
