import 'server-only';
// The pipeline for server actions (the same order as server/http/define-route.ts for route handlers):
//   1. body size: Next reads the action body under `serverActions.bodySizeLimit` (next.config.ts) before
//      the action runs; a cross-origin call is refused even earlier by proxy.ts with a 403;
//   2. origin: the one check (server/http/check-origin.ts) again inside the action, because Next lets an
//      action through when the request has no Origin header at all;
//   3. actor and role, before the form is looked at;
//   4. zod: the form's fields (strings and files) with the action's schema;
//   5. one server function called with one context;
//   6. errors: AppError and ZodError to a typed state `{ error, reason?, path? }` the form shows in its alert,
//      a success to a redirect; every denial audited as `<name>.denied`.
// `export const saveAction = defineServerAction({...})` in a 'use server' file; `.run(form, headers, wiring)`
// drives the same pipeline in tests without Next's request scope.
import { headers as requestHeaders } from 'next/headers';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import type { AppErrorReason } from '@/lib/app-error';
import type { PortalContext } from '../context/portal-context';
import { auditDenial } from './audit-denial';
import { checkAccess, type RouteAccess } from './check-access';
import { checkOrigin } from './check-origin';
import { clientAddressOf } from './client-address';
import type { RouteWiring } from './define-route';
import { productionWiring } from './production-wiring';
import { requestIdsFor, runWithRequestId } from '../log/request-scope';
import { errorSummary, isDenial, reasonOf, requestFailureOf, type RequestFailure } from './request-failure';
import { translatorFor } from './request-translator';

/** What a form shows after a refused action: a sentence for its alert, the machine reason, the field. */
export type ActionState = { error?: string; reason?: string; path?: string };

/** What the action's server function asks for: go to a page, or show a state on the form. */
export type ActionOutcome = { redirectTo: string } | { state: ActionState };

export type ServerActionSpec<S extends z.ZodType> = {
  /** Audit action prefix and log name, e.g. "admin.simulator.savePolicy". */
  name: string;
  /** The page the action is posted to, for the audit log of a denial. */
  page: string;
  access: RouteAccess;
  fields: S;
  /** The message key shown when the form does not pass `fields` (the field path is given). */
  invalidInputKey: (path: string | undefined) => string;
  handle: (context: PortalContext, input: z.output<S>) => Promise<{ redirectTo: string }>;
};

export type ServerAction = ((previous: ActionState, form: FormData) => Promise<ActionState>) & {
  /** `form` is what Next decoded from the request: FormData from the portal's forms, anything from a forged call. */
  run(form: unknown, headers: Headers, wiring: RouteWiring): Promise<ActionOutcome>;
  readonly spec: { name: string; access: RouteAccess; kind: 'serverAction' };
};

/** The form as an object for zod: one value per field (a string or a File), an array when repeated. */
export function formFields(form: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key);
    fields[key] = values.length === 1 ? values[0] : values;
  }
  return fields;
}

export function defineServerAction<S extends z.ZodType>(spec: ServerActionSpec<S>): ServerAction {
  // One JSON log line per action, as define-route.ts writes per request.
  async function run(form: unknown, headers: Headers, wiring: RouteWiring): Promise<ActionOutcome> {
    const { requestId, upstreamRequestId } = requestIdsFor(headers);
    const started = performance.now();
    const logged: { failure?: RequestFailure; error?: Record<string, string> } = {};
    return runWithRequestId(requestId, async () => {
      const outcome = await runAction(form, headers, wiring, logged);
      const line = {
        action: spec.name,
        page: spec.page,
        result: 'redirectTo' in outcome ? 'redirect' : 'state',
        durationMs: Math.round(performance.now() - started),
        ...(upstreamRequestId ? { upstreamRequestId } : {}),
        ...(logged.failure ? { failure: { code: logged.failure.code, reason: logged.failure.reason } } : {}),
        ...(logged.error ? { error: logged.error } : {}),
      };
      if (logged.error) wiring.services.logger.error(line, 'action');
      else wiring.services.logger.info(line, 'action');
      return outcome;
    });
  }

  async function runAction(
    form: unknown,
    headers: Headers,
    wiring: RouteWiring,
    logged: { failure?: RequestFailure; error?: Record<string, string> },
  ): Promise<ActionOutcome> {
    const { services } = wiring;
    const context: PortalContext = {
      ...services,
      actor: null,
      client: clientAddressOf(headers, services.settings.TRUSTED_PROXY_HOPS),
      translator: translatorFor(headers),
    };
    let isAccepted = false;
    try {
      checkOrigin(headers, services.settings.APP_ORIGIN, { isUserNavigationAllowed: false });
      await checkAccess(context, spec.access, () => wiring.resolveActor(headers));
      // A forged call can pass any decoded value where the form goes: anything but FormData fails the schema.
      const input = spec.fields.safeParse(form instanceof FormData ? formFields(form) : undefined);
      if (!input.success) {
        const path = input.error.issues[0]?.path.map(String).join('.') || undefined;
        return {
          state: {
            error: context.translator.t(spec.invalidInputKey(path)),
            reason: 'invalidInput',
            ...(path ? { path } : {}),
          },
        };
      }
      isAccepted = true;
      return await spec.handle(context, input.data);
    } catch (error) {
      const failure: RequestFailure = requestFailureOf(error);
      logged.failure = failure;
      if (failure.code === 'INTERNAL' || failure.code === 'UNAVAILABLE') logged.error = errorSummary(error);
      if (isDenial(failure))
        await auditDenial(context, spec.name, failure, {
          method: 'POST',
          url: `${services.settings.APP_ORIGIN}${spec.page}`,
        });
      const message = pipelineMessageOf(failure, context.translator);
      return {
        state: {
          error: message,
          reason: reasonOf(failure),
          ...(failure.path && isAccepted ? { path: failure.path } : {}),
        },
      };
    }
  }

  const action = async (_previous: unknown, form: unknown): Promise<ActionState> => {
    const outcome = await run(form, await requestHeaders(), productionWiring());
    // redirect() throws Next's own control-flow error, so it runs outside the pipeline's catch.
    if ('redirectTo' in outcome) redirect(outcome.redirectTo);
    return outcome.state;
  };
  return Object.assign(action, { run, spec: { name: spec.name, access: spec.access, kind: 'serverAction' as const } });
}

// The pipeline's own refusals (signed out, wrong role, cross-site) and internal errors are sentences of the
// pipeline, not of the server function, so they are told in the request's language; a server function's
// AppError keeps its own (already translated) message.
const pipelineMessageKeys: Partial<Record<AppErrorReason, string>> = {
  signedOut: 'errors.signInRequired',
  missingRole: 'errors.missingRole',
  crossSite: 'errors.crossSite',
};

function pipelineMessageOf(failure: RequestFailure, translator: PortalContext['translator']): string {
  if (failure.code === 'INTERNAL') return translator.t('errors.internal');
  const key = failure.reason ? pipelineMessageKeys[failure.reason] : undefined;
  return key ? translator.t(key) : failure.message;
}
