// POST /reset/actions/unlock — clears the Entra lockout once the unlock session has enough stars.
import { z } from 'zod';
import { defineRoute } from '@/server/http/define-route';
import {
  backWithError,
  checkResetCsrf,
  resetArgs,
  resetHeaders,
  renewedResetRedirect,
} from '@/server/reset/http/reset-route-options';
import { unlockAccount } from '@/server/reset/unlock-account';

export const POST = defineRoute({
  name: 'reset.unlock',
  access: 'public',
  headers: resetHeaders,
  csrf: checkResetCsrf,
  body: { kind: 'form', schema: z.object({}) },
  redirectOnError: backWithError('/unlock/services'),
  handle: async (context, _input, request) => {
    const { deps, token, locale, origin } = resetArgs(context, request);
    await unlockAccount(deps, { token, locale, origin });
    return renewedResetRedirect(context, request, '/unlock/done');
  },
});
