// POST /reset/actions/check-code — checks an SMS or email code for this session.
import { z } from 'zod';
import { defineResetRoute } from '@/server/reset/http/define-reset-route';
import { backWithError, purposeOf, resetArgs, renewedResetRedirect } from '@/server/reset/http/reset-route-options';
import { checkVerificationCode } from '@/server/reset/verification-codes';

export const POST = defineResetRoute({
  name: 'reset.checkCode',
  body: {
    kind: 'form',
    schema: z.object({
      purpose: z.enum(['reset', 'unlock']),
      service: z.enum(['sms', 'email']),
      code: z.string().max(100),
    }),
  },
  redirectOnError: backWithError(
    (raw) => `/${purposeOf(raw)}/verify/${raw.service === 'email' ? 'email' : 'sms'}?sent=1`,
  ),
  handle: async (context, { body }, request) => {
    const { deps, token, origin } = resetArgs(context, request);
    await checkVerificationCode(deps, { token, service: body.service, code: body.code, origin });
    return renewedResetRedirect(context, request, `/${body.purpose}/services?verified=${body.service}`);
  },
});
