// POST /reset/actions/send-code — sends an SMS or email code if a channel is on record; the answer is
// the same either way ("if a number is on record, a code was sent").
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleResetForm } from '@/server/reset/http/reset-form-action';
import { sendVerificationCode } from '@/server/reset/verification-codes';

const schema = z.object({ purpose: z.enum(['reset', 'unlock']), service: z.enum(['sms', 'email']) });

export async function POST(request: NextRequest) {
  return handleResetForm(request, {
    schema,
    requireSession: true,
    errorPath: (input) =>
      `/${input.purpose === 'unlock' ? 'unlock' : 'reset'}/verify/${input.service === 'email' ? 'email' : 'sms'}`,
    run: async ({ deps, input, token, locale, origin }) => {
      await sendVerificationCode(deps, { token, service: input.service, locale, origin });
      return { redirectTo: `/${input.purpose}/verify/${input.service}?sent=1` };
    },
  });
}
