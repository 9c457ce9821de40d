// POST /reset/actions/unlock — clears the Entra lockout once the unlock session has enough stars.
import { z } from 'zod';
import { defineResetRoute } from '@/server/reset/http/define-reset-route';
import { backWithError, resetArgs, renewedResetRedirect } from '@/server/reset/http/reset-route-options';
import { unlockAccount } from '@/server/reset/unlock-account';

export const POST = defineResetRoute({
  name: 'reset.unlock',
  body: { kind: 'form', schema: z.object({}) },
  redirectOnError: backWithError('/unlock/services'),
  handle: async (context, _input, request) => {
    const { deps, token, locale, origin } = resetArgs(context, request);
    await unlockAccount(deps, { token, locale, origin });
    return renewedResetRedirect(context, request, '/unlock/done');
  },
});
