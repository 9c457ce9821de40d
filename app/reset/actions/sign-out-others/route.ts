// POST /reset/actions/sign-out-others — after a reset, ends the user's other sessions in Entra.
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleResetForm } from '@/server/reset/http/reset-form-action';
import { signOutOtherSessions } from '@/server/reset/sign-out-other-sessions';

export async function POST(request: NextRequest) {
  return handleResetForm(request, {
    schema: z.object({}),
    requireSession: true,
    errorPath: '/reset/done',
    run: async ({ deps, token, locale, origin }) => {
      await signOutOtherSessions(deps, { token, locale, origin });
      return { redirectTo: '/reset/done?signedOut=1' };
    },
  });
}
