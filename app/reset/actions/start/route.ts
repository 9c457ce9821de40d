// POST /reset/actions/start — username → a new reset or unlock session (enumeration-safe, see
// server/reset/start-reset-session.ts); always 303 to the service list with the session cookie.
import { z } from 'zod';
import { defineResetRoute } from '@/server/reset/http/define-reset-route';
import { reasonOf } from '@/server/http/request-failure';
import { purposeOf, resetArgs, resetRedirect, withQuery } from '@/server/reset/http/reset-route-options';
import { startResetSession } from '@/server/reset/start-reset-session';

export const POST = defineResetRoute({
  name: 'reset.start',
  csrf: 'beforeSession',
  body: {
    kind: 'form',
    schema: z.object({
      purpose: z.enum(['reset', 'unlock']),
      username: z.string().max(1000),
      returnUrl: z.string().max(2048).optional(),
    }),
  },
  // A refused username comes back in the field (the page says what is wrong with it); the return URL is kept
  // on every error. The value is one the user just typed and it was refused, so it names no account.
  redirectOnError: (failure, raw) =>
    withQuery(`/${purposeOf(raw)}`, {
      error: reasonOf(failure),
      ...(failure.reason === 'invalidInput' && typeof raw.username === 'string'
        ? { username: raw.username.slice(0, 256) }
        : {}),
      ...(typeof raw.returnUrl === 'string' && raw.returnUrl ? { return: raw.returnUrl.slice(0, 2048) } : {}),
    }),
  handle: async (context, { body }, request) => {
    const { deps, origin } = resetArgs(context, request);
    const { token } = await startResetSession(deps, {
      purpose: body.purpose,
      username: body.username,
      origin,
      ...(body.returnUrl ? { returnUrl: body.returnUrl } : {}),
    });
    return resetRedirect(context, `/${body.purpose}/services`, token);
  },
});
