// POST /reset/actions/password — writes the new password to Entra once the session has enough stars.
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { changePassword } from '@/server/reset/change-password';
import { handleResetForm } from '@/server/reset/http/reset-form-action';

const schema = z.object({ password: z.string().max(1024), confirmation: z.string().max(1024) });

export async function POST(request: NextRequest) {
  return handleResetForm(request, {
    schema,
    requireSession: true,
    errorPath: '/reset/new-password',
    run: async ({ deps, input, token, locale, origin }) => {
      await changePassword(deps, { token, password: input.password, confirmation: input.confirmation, locale, origin });
      return { redirectTo: '/reset/done' };
    },
  });
}
