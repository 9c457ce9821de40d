// POST /reset/actions/check-totp — checks a code from the authenticator app enrolled on /account.
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleResetForm } from '@/server/reset/http/reset-form-action';
import { verifyTotp } from '@/server/reset/verify-totp';

const schema = z.object({ purpose: z.enum(['reset', 'unlock']), code: z.string().max(100) });

export async function POST(request: NextRequest) {
  return handleResetForm(request, {
    schema,
    requireSession: true,
    errorPath: (input) => `/${input.purpose === 'unlock' ? 'unlock' : 'reset'}/verify/totp`,
    run: async ({ deps, input, token, origin }) => {
      await verifyTotp(deps, { token, code: input.code, origin });
      return { redirectTo: `/${input.purpose}/services?verified=totp` };
    },
  });
}
