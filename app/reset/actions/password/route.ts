// POST /reset/actions/password — writes the new password to Entra once the session has enough stars.
import { z } from 'zod';
import { isAppError } from '@/lib/app-error';
import { changePassword } from '@/server/reset/change-password';
import { defineResetRoute } from '@/server/reset/http/define-reset-route';
import {
  backWithError,
  resetArgs,
  resetRedirect,
  withQuery,
  renewedResetRedirect,
} from '@/server/reset/http/reset-route-options';

export const POST = defineResetRoute({
  name: 'reset.password',
  body: { kind: 'form', schema: z.object({ password: z.string().max(1024), confirmation: z.string().max(1024) }) },
  redirectOnError: backWithError('/reset/new-password'),
  handle: async (context, { body }, request) => {
    const { deps, token, locale, origin } = resetArgs(context, request);
    try {
      await changePassword(deps, { token, password: body.password, confirmation: body.confirmation, locale, origin });
    } catch (error) {
      // The rules the server refused go back to the page, which lists them next to the fields (also without
      // JavaScript); the password itself never goes into the URL.
      const rules = isAppError(error) && error.reason === 'passwordRules' ? error.details.rules : undefined;
      if (Array.isArray(rules))
        return resetRedirect(
          context,
          withQuery('/reset/new-password', { error: 'passwordRules', failed: rules.map(String).join(',') }),
        );
      throw error;
    }
    return renewedResetRedirect(context, request, '/reset/done');
  },
});
