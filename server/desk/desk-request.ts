import 'server-only';
// The one wrapper every desk route handler uses: same-origin check on writes (CSRF, docs/decisions/0004),
// the signed-in user as a DeskActor (roles are then checked inside each server function), errors mapped
// to clear 4xx bodies with the policy's refusal reason for the console to translate.
import { NextResponse } from 'next/server';
import { isAppError } from '../../lib/app-error';
import { requireSession } from '../auth/require-role';
import { appErrorResponse, httpStatusByCode } from '../http/app-error-response';
import { assertSameOrigin } from '../http/assert-same-origin';
import type { DeskActor } from './desk-actor';
import type { DeskDependencies } from './desk-dependencies';
import { productionDeskDependencies } from './production-desk-dependencies';

export async function deskActorFrom(request: Request): Promise<DeskActor> {
  const session = await requireSession();
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return {
    oid: session.oid,
    name: session.user?.name ?? session.oid,
    roles: session.roles,
    ip: forwarded || null,
    userAgent: request.headers.get('user-agent')?.slice(0, 300) ?? null,
  };
}

export function deskErrorResponse(error: unknown): NextResponse {
  if (isAppError(error) && typeof error.details.refusal === 'string') {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, refusal: error.details.refusal } },
      { status: httpStatusByCode[error.code] },
    );
  }
  return appErrorResponse(error);
}

export async function readJsonBody(request: Request): Promise<unknown> {
  if (!(request.headers.get('content-type') ?? '').includes('application/json')) return {};
  try {
    return await request.json();
  } catch {
    return {};
  }
}

/** Runs `handler` as the signed-in desk user; `write` requests must come from the portal's own pages. */
export async function handleDeskRequest(
  request: Request,
  handler: (deps: DeskDependencies, actor: DeskActor) => Promise<unknown>,
  options: { write: boolean } = { write: true },
): Promise<NextResponse> {
  try {
    if (options.write) assertSameOrigin(request.headers);
    const actor = await deskActorFrom(request);
    const result = await handler(productionDeskDependencies(), actor);
    return NextResponse.json(result ?? { ok: true }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return deskErrorResponse(error);
  }
}
