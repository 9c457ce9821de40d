// POST /reset/actions/check-code — checks an SMS or email code for this session.
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleResetForm } from '@/server/reset/http/reset-form-action';
import { checkVerificationCode } from '@/server/reset/verification-codes';

const schema = z.object({
  purpose: z.enum(['reset', 'unlock']),
  service: z.enum(['sms', 'email']),
  code: z.string().max(100),
});

export async function POST(request: NextRequest) {
  return handleResetForm(request, {
    schema,
    requireSession: true,
    errorPath: (input) =>
      `/${input.purpose === 'unlock' ? 'unlock' : 'reset'}/verify/${input.service === 'email' ? 'email' : 'sms'}?sent=1`,
    run: async ({ deps, input, token, origin }) => {
      await checkVerificationCode(deps, { token, service: input.service, code: input.code, origin });
      return { redirectTo: `/${input.purpose}/services?verified=${input.service}` };
    },
  });
}
