// POST /reset/actions/unlock — clears the Entra lockout once the unlock session has enough stars.
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleResetForm } from '@/server/reset/http/reset-form-action';
import { unlockAccount } from '@/server/reset/unlock-account';

export async function POST(request: NextRequest) {
  return handleResetForm(request, {
    schema: z.object({}),
    requireSession: true,
    errorPath: '/unlock/services',
    run: async ({ deps, token, locale, origin }) => {
      await unlockAccount(deps, { token, locale, origin });
      return { redirectTo: '/unlock/done' };
    },
  });
}
