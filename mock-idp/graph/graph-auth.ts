// Bearer-token check for the Graph subset: the mock's own client-credentials tokens, audience
// https://graph.microsoft.com, application permissions in `roles` (Entra's app-only model).
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AppError, type AppErrorCode } from '../../lib/app-error';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { MockIdp } from '../mock-idp-context';
import { graphResource } from '../oidc/provider-configuration';
import { storedJwksSchema } from '../oidc/signing-keys';

export type GraphCaller = { appId: string; roles: string[] };

/** Graph errors are the project's AppError with Graph's error code in details.graphCode. */
export function graphError(code: AppErrorCode, graphCode: string, message: string): AppError {
  return new AppError(code, message, { graphCode });
}

const statusByCode: Partial<Record<AppErrorCode, number>> = {
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/** Entra-style error body: {"error":{"code","message","innerError":{date, request-id, client-request-id}}}. */
export function graphErrorResponse(error: AppError, now: number): { status: number; body: unknown } {
  const graphCode =
    typeof error.details.graphCode === 'string'
      ? error.details.graphCode
      : error.code === 'INVALID_INPUT'
        ? 'Request_BadRequest'
        : 'generalException';
  return {
    status: statusByCode[error.code] ?? 500,
    body: {
      error: {
        code: graphCode,
        message: error.message,
        innerError: {
          date: new Date(now).toISOString().slice(0, 19),
          'request-id': crypto.randomUUID(),
          'client-request-id': crypto.randomUUID(),
        },
      },
    },
  };
}

export async function authenticateGraphCaller(mock: MockIdp, req: IncomingMessage): Promise<GraphCaller> {
  const header = req.headers.authorization ?? '';
  const token = /^Bearer (.+)$/i.exec(header)?.[1];
  if (!token) throw graphError('UNAUTHORIZED', 'InvalidAuthenticationToken', 'Access token is empty.');
  const keys = (mock.store.get('signingKeys', 'jwks', storedJwksSchema) ?? []).map(
    ({ d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub }) => pub,
  );
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet({ keys }), {
      issuer: `${mock.origin()}/${mock.tenant.tenantId}/v2.0`,
      audience: graphResource,
      currentDate: new Date(mock.now()),
    });
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
    return { appId: String(payload.azp ?? payload.client_id ?? ''), roles: payload.idtyp === 'app' ? roles : [] };
  } catch {
    throw graphError(
      'UNAUTHORIZED',
      'InvalidAuthenticationToken',
      'Access token validation failure. Invalid audience, issuer or signature, or the token has expired.',
    );
  }
}

/** Any one of the listed application permissions grants access (Graph permission tables). */
export function requirePermission(caller: GraphCaller, anyOf: readonly string[]): void {
  if (!anyOf.some((p) => caller.roles.includes(p))) {
    throw graphError(
      'FORBIDDEN',
      'Authorization_RequestDenied',
      `Insufficient privileges to complete the operation. Requires one of: ${anyOf.join(', ')}.`,
    );
  }
}
