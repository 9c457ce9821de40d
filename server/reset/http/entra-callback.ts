import 'server-only';
// GET /{reset|unlock}/verify/entra/callback — Entra's redirect back. The OAuth `state` (checked against
// the session's stored hash) is this request's CSRF protection (RFC 6749 10.12). Whatever happened at
// Entra, the user lands on the service list with an explanation and the other services: never a dead end.
import type { NextRequest } from 'next/server';
import { isAppError } from '@/lib/app-error';
import { entraCallbackQuerySchema } from '../../verification/entra-mfa-verification';
import { completeEntraVerification } from '../entra-reset-verification';
import { readResetCookie } from './reset-cookie';
import { errorReasonOf, redirectTo } from './reset-form-action';
import { requestOriginOf } from './request-origin';
import { resetDependencies } from './reset-dependencies-holder';

export async function handleEntraCallback(request: NextRequest, purpose: 'reset' | 'unlock') {
  const deps = resetDependencies();
  const parsed = entraCallbackQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  const token = readResetCookie(request.cookies, deps.settings);
  try {
    const query = parsed.success ? parsed.data : { error: 'invalid_request' };
    const result = await completeEntraVerification(deps, { token, query, origin: requestOriginOf(request.headers) });
    return redirectTo(deps, `/${purpose}/services?entra=${result.outcome === 'verified' ? 'verified' : result.reason}`);
  } catch (error) {
    if (isAppError(error) && error.code === 'UNAUTHORIZED') return redirectTo(deps, `/${purpose}?error=noSession`);
    return redirectTo(deps, `/${purpose}/services?entra=${errorReasonOf(error)}`);
  }
}
