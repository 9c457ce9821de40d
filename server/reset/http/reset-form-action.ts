import 'server-only';
// The one shape of every state-changing reset request: a same-origin HTML form POST (works without
// JavaScript), checked for CSRF, parsed with zod, one server function called, then a 303 redirect to the
// next page built from the configured origin (never the Host header). Failures go back to the page with
// an error reason the page explains (role=alert); bad input is never a 500.
import { NextResponse, type NextRequest } from 'next/server';
import { ZodError, type z } from 'zod';
import { isAppError } from '@/lib/app-error';
import { pickLocale, type Locale } from '@/lib/i18n/pick-locale';
import type { RequestOrigin, ResetDependencies } from '../reset-dependencies';
import { readResetCookie, setResetCookie } from './reset-cookie';
import { assertCsrfToken, assertSameOrigin } from './reset-csrf';
import { requestOriginOf } from './request-origin';
import { resetDependencies } from './reset-dependencies-holder';

export type FormContext<T> = {
  deps: ResetDependencies;
  input: T;
  token: string | undefined;
  locale: Locale;
  origin: RequestOrigin;
};
export type FormOutcome = { redirectTo: string; newSessionToken?: string };

export function noStore(response: NextResponse): NextResponse {
  response.headers.set('Cache-Control', 'no-store');
  response.headers.set('Referrer-Policy', 'no-referrer');
  return response;
}

export function redirectTo(deps: ResetDependencies, path: string): NextResponse {
  return noStore(NextResponse.redirect(new URL(path, deps.settings.appOrigin), 303));
}

export function withQuery(path: string, values: Record<string, string>): string {
  const [base = '/', query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  for (const [key, value] of Object.entries(values)) params.set(key, value);
  return `${base}?${params.toString()}`;
}

export function errorReasonOf(error: unknown): string {
  if (isAppError(error))
    return typeof error.details.reason === 'string' ? error.details.reason : error.code.toLowerCase();
  if (error instanceof ZodError) return 'invalid_input';
  return 'internal';
}

export async function handleResetForm<S extends z.ZodType>(
  request: NextRequest,
  options: {
    schema: S;
    requireSession: boolean;
    errorPath: string | ((input: Partial<z.infer<S>>) => string);
    run: (context: FormContext<z.infer<S>>) => Promise<FormOutcome>;
  },
): Promise<NextResponse> {
  const deps = resetDependencies();
  let raw: Record<string, unknown> = {};
  try {
    assertSameOrigin(request.headers, deps.settings);
    const form = await request.formData().catch(() => new FormData());
    raw = Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === 'string'));
    const token = readResetCookie(request.cookies, deps.settings);
    if (options.requireSession) assertCsrfToken(deps.settings, token, raw.csrf);
    // A request the portal's own forms never send (missing or malformed fields) is a clear 400.
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return noStore(
        NextResponse.json(
          {
            error: {
              code: 'INVALID_INPUT',
              message: `${issue?.path.join('.') || 'form'}: ${issue?.message ?? 'invalid'}`,
            },
          },
          { status: 400 },
        ),
      );
    }
    const input = parsed.data as z.infer<S>;
    const locale = pickLocale(request.cookies.get('verity-locale')?.value, request.headers.get('accept-language'));
    const outcome = await options.run({ deps, input, token, locale, origin: requestOriginOf(request.headers) });
    const response = redirectTo(deps, outcome.redirectTo);
    if (outcome.newSessionToken) setResetCookie(response, deps.settings, outcome.newSessionToken);
    return response;
  } catch (error) {
    const reason = errorReasonOf(error);
    if (reason === 'csrf')
      return noStore(
        NextResponse.json(
          { error: { code: 'FORBIDDEN', message: isAppError(error) ? error.message : 'Forbidden' } },
          { status: 403 },
        ),
      );
    if (!isAppError(error) && !(error instanceof ZodError))
      console.error('[verity] reset form failed:', error instanceof Error ? error.message : String(error));
    const base =
      typeof options.errorPath === 'function' ? options.errorPath(raw as Partial<z.infer<S>>) : options.errorPath;
    return redirectTo(deps, withQuery(base, { error: reason }));
  }
}
