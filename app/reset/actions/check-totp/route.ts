// POST /reset/actions/check-totp — checks a code from the authenticator app enrolled on /account.
import { z } from 'zod';
import { defineResetRoute } from '@/server/reset/http/define-reset-route';
import { backWithError, purposeOf, resetArgs, renewedResetRedirect } from '@/server/reset/http/reset-route-options';
import { verifyTotp } from '@/server/reset/verify-totp';

export const POST = defineResetRoute({
  name: 'reset.checkTotp',
  body: { kind: 'form', schema: z.object({ purpose: z.enum(['reset', 'unlock']), code: z.string().max(100) }) },
  redirectOnError: backWithError((raw) => `/${purposeOf(raw)}/verify/totp`),
  handle: async (context, { body }, request) => {
    const { deps, token, origin } = resetArgs(context, request);
    await verifyTotp(deps, { token, code: body.code, origin });
    return renewedResetRedirect(context, request, `/${body.purpose}/services?verified=totp`);
  },
});
