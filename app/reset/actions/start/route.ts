// POST /reset/actions/start — username → a new reset or unlock session (enumeration-safe, see
// server/reset/start-reset-session.ts); always 303 to the service list with the session cookie.
import { z } from 'zod';
import { defineRoute } from '@/server/http/define-route';
import {
  backWithError,
  purposeOf,
  resetArgs,
  resetHeaders,
  resetRedirect,
} from '@/server/reset/http/reset-route-options';
import { startResetSession } from '@/server/reset/start-reset-session';

export const POST = defineRoute({
  name: 'reset.start',
  access: 'public',
  headers: resetHeaders,
  body: {
    kind: 'form',
    schema: z.object({
      purpose: z.enum(['reset', 'unlock']),
      username: z.string().max(1000),
      returnUrl: z.string().max(2048).optional(),
    }),
  },
  redirectOnError: backWithError((raw) => `/${purposeOf(raw)}`),
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
