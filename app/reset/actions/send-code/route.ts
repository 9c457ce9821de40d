// POST /reset/actions/send-code — sends an SMS or email code if a channel is on record; the answer is
// the same either way ("if a number is on record, a code was sent").
import { z } from 'zod';
import { defineResetRoute } from '@/server/reset/http/define-reset-route';
import { backWithError, purposeOf, resetArgs, resetRedirect } from '@/server/reset/http/reset-route-options';
import { sendVerificationCode } from '@/server/reset/verification-codes';

export const POST = defineResetRoute({
  name: 'reset.sendCode',
  body: { kind: 'form', schema: z.object({ purpose: z.enum(['reset', 'unlock']), service: z.enum(['sms', 'email']) }) },
  redirectOnError: backWithError((raw) => `/${purposeOf(raw)}/verify/${raw.service === 'email' ? 'email' : 'sms'}`),
  handle: async (context, { body }, request) => {
    const { deps, token, locale, origin } = resetArgs(context, request);
    await sendVerificationCode(deps, { token, service: body.service, locale, origin });
    return resetRedirect(context, `/${body.purpose}/verify/${body.service}?sent=1`);
  },
});
