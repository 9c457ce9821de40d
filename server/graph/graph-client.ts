import 'server-only';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../lib/app-error';
import { portalClient } from '../auth/msal-client';
import { cachedAppToken } from './app-token-cache';
import { getConfig } from '../config';
import { portalLogger } from '../log/logger';
import { currentRequestId } from '../log/request-scope';
import { isRecord } from '@/lib/is-record';

// App-only Microsoft Graph calls with the portal app's client credentials (the token is kept until shortly
// before it expires: server/graph/app-token-cache.ts). Graph's own error message is kept in the AppError so pages can show
// Entra's words (for example its password-complexity refusal) instead of a crash.
const graphScope = 'https://graph.microsoft.com/.default';

const appToken = cachedAppToken(async () => {
  const result = await portalClient().acquireTokenByClientCredential({ scopes: [graphScope] });
  if (!result?.accessToken) throw new Error('no access token');
  return { accessToken: result.accessToken, expiresOn: result.expiresOn };
}, Date.now);

async function appOnlyToken(): Promise<string> {
  try {
    return await appToken();
  } catch (error) {
    throw new AppError('UPSTREAM_ERROR', 'Microsoft Entra ID could not be reached to get a Graph token.', {
      cause: String(error),
    });
  }
}

export type GraphRequestOptions<T> = { body?: unknown; headers?: Record<string, string>; schema: z.ZodType<T> };

const graphErrorBody = (value: unknown): { code?: string; message?: string; reasons?: unknown } => {
  const e = isRecord(value) ? value.error : undefined;
  if (!isRecord(e)) return {};
  return {
    code: typeof e.code === 'string' ? e.code : undefined,
    message: typeof e.message === 'string' ? e.message : undefined,
  };
};

function errorForStatus(status: number, body: unknown): AppError {
  const { code, message } = graphErrorBody(body);
  const details = { graphCode: code, graphMessage: message, status };
  if (status === 404) return new AppError('NOT_FOUND', message ?? 'Not found in Microsoft Entra ID.', details);
  if (status === 400)
    return new AppError('INVALID_INPUT', message ?? 'Microsoft Entra ID refused the request.', details);
  if (status === 429)
    return new AppError('RATE_LIMITED', message ?? 'Microsoft Graph is throttling requests.', details);
  // A 5xx (Graph's 500/502/503/504) says nothing about whether a write behind it was applied.
  return new AppError('UPSTREAM_ERROR', message ?? `Microsoft Graph answered ${status}.`, {
    ...details,
    ...(status >= 500 ? { isOutcomeUnknown: true } : {}),
  });
}

/** One Graph call: `path` is relative to GRAPH_BASE_URL (e.g. `/users/{id}`); the answer is checked with `schema`. */
export async function graphRequest<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  options: GraphRequestOptions<T>,
): Promise<T> {
  const url = `${getConfig().GRAPH_BASE_URL}${path}`;
  const token = await appOnlyToken();
  // Graph's correlation header (a GUID; https://learn.microsoft.com/graph/best-practices-concept#reliability-and-support):
  // the portal request's id, so one id finds the request in our log and the call in Microsoft's.
  const clientRequestId = currentRequestId() ?? randomUUID();
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        'client-request-id': clientRequestId,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(getConfig().GRAPH_TIMEOUT_MS),
    });
  } catch (error) {
    // A timeout after the request was sent leaves a write's outcome unknown: Graph may have applied it
    // (issue 12, finding 3). Callers that write reconcile instead of reporting a failure.
    const isTimeout = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
    portalLogger().warn(
      { graph: { method, clientRequestId, outcome: isTimeout ? 'timeout' : 'unreachable' } },
      'graph call',
    );
    throw new AppError('UPSTREAM_ERROR', 'Microsoft Graph could not be reached.', {
      cause: String(error),
      ...(isTimeout && method !== 'GET' ? { isOutcomeUnknown: true } : {}),
    });
  }
  portalLogger().debug(
    {
      graph: {
        method,
        status: response.status,
        clientRequestId,
        requestId: response.headers.get('request-id'),
        durationMs: Math.round(performance.now() - started),
      },
    },
    'graph call',
  );
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError('UPSTREAM_ERROR', 'Microsoft Graph answered with something that is not JSON.', {
        status: response.status,
      });
    }
  }
  if (!response.ok) throw errorForStatus(response.status, body);
  const parsed = options.schema.safeParse(body);
  if (!parsed.success)
    throw new AppError('UPSTREAM_ERROR', 'Microsoft Graph answered in an unexpected shape.', {
      path,
      issues: parsed.error.issues.slice(0, 3).map((i) => i.path.join('.')),
    });
  return parsed.data;
}
