import 'server-only';
// The reset-route preset: one define call with what every reset and unlock request shares (the user is not
// signed in, Referrer-Policy no-referrer, the session CSRF token), so a route file gives only its name, schema,
// where a failure goes back to and its server function. The start route, which opens the session, has no token
// to check yet (`csrf: 'beforeSession'`).
import type { z } from 'zod';
import { defineRoute, type RouteHandler, type RouteSpec } from '../../http/define-route';
import { checkResetCsrf, resetHeaders } from './reset-route-options';

type ResetRouteSpec<B extends z.ZodType> = Omit<RouteSpec<undefined, undefined, B>, 'access' | 'headers' | 'csrf'> & {
  csrf?: 'sessionToken' | 'beforeSession';
};

export function defineResetRoute<B extends z.ZodType>({ csrf, ...spec }: ResetRouteSpec<B>): RouteHandler {
  return defineRoute<undefined, undefined, B>({
    ...spec,
    access: 'public',
    headers: resetHeaders,
    ...(csrf === 'beforeSession' ? {} : { csrf: checkResetCsrf }),
  });
}
