import 'server-only';
// The one request pipeline (create-t3-app's procedure builder is the model). Every route handler is
// `export const POST = defineRoute({...})`, and every step below runs in this order for each of them:
//   1. body size: a declared Content-Length over the route's limit is refused before anything else;
//   2. origin: one check (server/http/check-origin.ts), on every method but GET/HEAD unless the route is
//      reached cross-site by design (an OAuth redirect back from Entra);
//   3. actor and role: the signed-in user from the session, checked against the route's roles before the
//      body is read;
//   4. body: read with the byte limit counted as it streams, then the route's CSRF check (reset forms);
//   5. zod: segment parameters (percent-decoding checked), query and body, each with the route's schema;
//   6. one server function called with one context (server/context/portal-context.ts);
//   7. errors: AppError and ZodError to one body `{ error: { code, message, reason?, path? } }` with the
//      status from one table, or a 303 redirect with `?error=` for HTML forms; every denial audited, and
//      every dependency outage (503 `temporarilyUnavailable`, nothing charged: server/http/dependency-outage.ts).
import type { z } from 'zod';
import type { PortalActor, PortalContext, PortalServices } from '../context/portal-context';
import { auditDenial } from './audit-denial';
import { auditOutage, outageDependencyOf } from './audit-outage';
import { checkAccess, type RouteAccess } from './check-access';
import { checkOrigin } from './check-origin';
import { clientAddressOf } from './client-address';
import { runWithRequestId, requestIdsFor } from '../log/request-scope';
import { errorSummary, failureResponse, isDenial, requestFailureOf, type RequestFailure } from './request-failure';
import { checkDeclaredLength, defaultBodyLimitBytes, readLimitedBody } from './read-limited-body';
import { decodeSegmentParams } from './segment-params';
import { translatorFor } from './request-translator';
import { parseBody, type BodyKind } from './parse-body';
import { productionWiring } from './production-wiring';

export type { RouteAccess } from './check-access';

/** What a route needs from the outside world; production wiring or the test's own parts. */
export type RouteWiring = {
  services: PortalServices;
  resolveActor(headers: Headers): Promise<PortalActor | null>;
};

type AnySchema = z.ZodType;
type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteInput<P, Q, B> = { params: Output<P>; query: Output<Q>; body: Output<B> };

/** Raw body fields, for the CSRF check and for choosing where a failed form goes back to. */
export type RawFields = Record<string, unknown>;

export type RouteSpec<
  P extends AnySchema | undefined,
  Q extends AnySchema | undefined,
  B extends AnySchema | undefined,
> = {
  /** Audit action prefix and log name, e.g. "desk.search". */
  name: string;
  access: RouteAccess;
  /** Default: checked on every method but GET and HEAD. `crossSiteAllowed`: a redirect back from Entra. */
  origin?: 'checked' | 'checkedOrUserNavigation' | 'crossSiteAllowed';
  /** Default 16 KiB. */
  bodyLimitBytes?: number;
  params?: P;
  query?: Q;
  body?: { kind: BodyKind; schema: NonNullable<B> };
  /** A session-bound synchronizer token check (reset and unlock forms), run before the body is parsed. */
  csrf?: (context: PortalContext, request: Request, raw: RawFields) => void;
  /** HTML forms: failures go back to a page with `?error=<reason>` instead of a JSON body. */
  redirectOnError?: (failure: RequestFailure, raw: RawFields, context: PortalContext) => string;
  /** Headers every response of the route carries (besides Cache-Control: no-store). */
  headers?: Record<string, string>;
  handle: (
    context: PortalContext,
    input: RouteInput<P, Q, B>,
    request: Request,
  ) => Promise<Response | object | null | undefined | void>;
};

type RequestOutcome = { failure?: RequestFailure; error?: Record<string, string>; actorId?: string };

type SegmentContext = { params: Promise<Record<string, string | string[]>> };

export type RouteHandler = ((request: Request, segment?: SegmentContext) => Promise<Response>) & {
  /** The same pipeline with the caller's wiring (integration and fuzz tests). */
  run(request: Request, segment: SegmentContext | undefined, wiring: RouteWiring): Promise<Response>;
  readonly spec: { name: string; access: RouteAccess; origin: OriginPolicy; kind: 'route' };
};

type OriginPolicy = NonNullable<RouteSpec<undefined, undefined, undefined>['origin']>;

const isBodyless = (method: string) => method === 'GET' || method === 'HEAD';

export function defineRoute<
  P extends AnySchema | undefined = undefined,
  Q extends AnySchema | undefined = undefined,
  B extends AnySchema | undefined = undefined,
>(spec: RouteSpec<P, Q, B>): RouteHandler {
  const limit = spec.bodyLimitBytes ?? defaultBodyLimitBytes;
  const baseHeaders = { 'Cache-Control': 'no-store', ...spec.headers };

  // One JSON line per request (server/log/logger.ts): route, method, path without the query (an OAuth
  // callback's query carries a code), status, duration, the failure's code and reason, the request id that
  // also goes back as X-Request-Id and to Graph as client-request-id. Never a body, cookie or header value.
  async function run(request: Request, segment: SegmentContext | undefined, wiring: RouteWiring): Promise<Response> {
    const { requestId, upstreamRequestId } = requestIdsFor(request.headers);
    const started = performance.now();
    const outcome: RequestOutcome = {};
    return runWithRequestId(requestId, async () => {
      const response = await runPipeline(request, segment, wiring, outcome);
      try {
        response.headers.set('X-Request-Id', requestId);
      } catch {
        // An immutable Response (Response.redirect) keeps its headers; the log line still has the id.
      }
      const line = {
        route: spec.name,
        method: request.method,
        path: new URL(request.url).pathname.slice(0, 200),
        status: response.status,
        durationMs: Math.round(performance.now() - started),
        ...(upstreamRequestId ? { upstreamRequestId } : {}),
        ...(outcome.actorId ? { actorId: outcome.actorId } : {}),
        ...(outcome.failure ? { failure: { code: outcome.failure.code, reason: outcome.failure.reason } } : {}),
        ...(outcome.error ? { error: outcome.error } : {}),
      };
      if (response.status >= 500) wiring.services.logger.error(line, 'request');
      else wiring.services.logger.info(line, 'request');
      return response;
    });
  }

  async function runPipeline(
    request: Request,
    segment: SegmentContext | undefined,
    wiring: RouteWiring,
    outcome: RequestOutcome,
  ): Promise<Response> {
    const { services } = wiring;
    const context: PortalContext = {
      ...services,
      actor: null,
      client: clientAddressOf(request.headers, services.settings.TRUSTED_PROXY_HOPS),
      translator: translatorFor(request.headers),
    };
    let raw: RawFields = {};
    // Until the route's schemas accepted the request, a failure is a malformed request that none of our pages
    // sends: a 400 (or 401/403/413) body even for HTML forms, never a redirect that hides it.
    let isAccepted = false;
    try {
      checkDeclaredLength(request.headers, limit);
      const originPolicy = spec.origin ?? 'checked';
      if (originPolicy !== 'crossSiteAllowed' && !isBodyless(request.method))
        checkOrigin(request.headers, services.settings.APP_ORIGIN, {
          isUserNavigationAllowed: originPolicy === 'checkedOrUserNavigation',
        });
      await checkAccess(context, spec.access, () => wiring.resolveActor(request.headers));
      if (context.actor) outcome.actorId = context.actor.oid;
      const params = spec.params ? spec.params.parse(decodeSegmentParams(await segment?.params)) : undefined;
      const query = spec.query ? spec.query.parse(Object.fromEntries(new URL(request.url).searchParams)) : undefined;
      let body: unknown;
      if (spec.body) {
        const bytes = await readLimitedBody(request, limit);
        raw = await parseBody(spec.body.kind, bytes, request.headers);
        spec.csrf?.(context, request, raw);
        body = spec.body.schema.parse(spec.body.kind === 'text' ? raw.text : raw);
      } else if (spec.csrf) spec.csrf(context, request, raw);
      // Each field is its schema's output, or undefined where the route declares no schema: Output<S> says exactly
      // that, but TypeScript cannot carry the `spec.params ? ... : undefined` test into the conditional type.
      // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- the three values were parsed just above by the schemas P, Q and B name
      const input = { params, query, body } as RouteInput<P, Q, B>;
      isAccepted = true;
      const result = await spec.handle(context, input, request);
      if (result instanceof Response) {
        for (const [name, value] of Object.entries(baseHeaders))
          if (!result.headers.has(name)) result.headers.set(name, value);
        return result;
      }
      return Response.json(result ?? { ok: true }, { headers: baseHeaders });
    } catch (error) {
      const failure = requestFailureOf(error);
      outcome.failure = failure;
      if (failure.code === 'INTERNAL' || failure.code === 'UNAVAILABLE') outcome.error = errorSummary(error);
      if (isDenial(failure)) await auditDenial(context, spec.name, failure, request);
      const dependency = failure.code === 'UNAVAILABLE' ? outageDependencyOf(error) : null;
      if (dependency) await auditOutage(context, spec.name, dependency, request);
      // A refused origin or CSRF token is found before the schemas accept the request, so it never redirects.
      if (spec.redirectOnError && isAccepted) {
        const location = spec.redirectOnError(failure, raw, context);
        return redirectResponse(new URL(location, services.settings.APP_ORIGIN).toString(), baseHeaders);
      }
      return failureResponse(failure, baseHeaders);
    }
  }

  const handler = async (request: Request, segment?: SegmentContext) => {
    return run(request, segment, productionWiring());
  };
  return Object.assign(handler, {
    run,
    spec: { name: spec.name, access: spec.access, origin: spec.origin ?? 'checked', kind: 'route' as const },
  });
}

export function redirectResponse(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { ...headers, Location: location } });
}
