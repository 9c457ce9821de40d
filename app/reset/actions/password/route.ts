// POST /reset/actions/password — writes the new password to Entra once the session has enough stars.
import { z } from 'zod';
import { changePassword } from '@/server/reset/change-password';
import { defineRoute } from '@/server/http/define-route';
import {
  backWithError,
  checkResetCsrf,
  resetArgs,
  resetHeaders,
  resetRedirect,
} from '@/server/reset/http/reset-route-options';

export const POST = defineRoute({
  name: 'reset.password',
  access: 'public',
  headers: resetHeaders,
  csrf: checkResetCsrf,
  body: { kind: 'form', schema: z.object({ password: z.string().max(1024), confirmation: z.string().max(1024) }) },
  redirectOnError: backWithError('/reset/new-password'),
  handle: async (context, { body }, request) => {
    const { deps, token, locale, origin } = resetArgs(context, request);
    await changePassword(deps, { token, password: body.password, confirmation: body.confirmation, locale, origin });
    return resetRedirect(context, '/reset/done');
  },
});
