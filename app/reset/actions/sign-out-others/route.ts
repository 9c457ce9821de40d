// POST /reset/actions/sign-out-others — after a reset, ends the user's other sessions in Entra.
import { z } from 'zod';
import { defineResetRoute } from '@/server/reset/http/define-reset-route';
import { backWithError, resetArgs, resetRedirect } from '@/server/reset/http/reset-route-options';
import { signOutOtherSessions } from '@/server/reset/sign-out-other-sessions';

export const POST = defineResetRoute({
  name: 'reset.signOutOthers',
  body: { kind: 'form', schema: z.object({}) },
  redirectOnError: backWithError('/reset/done'),
  handle: async (context, _input, request) => {
    const { deps, token, locale, origin } = resetArgs(context, request);
    await signOutOtherSessions(deps, { token, locale, origin });
    return resetRedirect(context, '/reset/done?signedOut=1');
  },
});
