// POST /account/actions/totp — confirms a new authenticator app with its first code.
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleAccountForm } from '@/server/account/account-actions';
import { confirmTotpEnrolment } from '@/server/account/totp-enrolment';

const schema = z.object({
  sealed: z.string().min(10).max(2000),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});

export async function POST(request: NextRequest) {
  return handleAccountForm(request, {
    schema,
    errorPath: '/account/totp',
    run: async (input, user, origin) => {
      await confirmTotpEnrolment({ oid: user.oid, sealed: input.sealed, code: input.code, origin }, new Date());
      return '/account?notice=totpEnrolled';
    },
  });
}
