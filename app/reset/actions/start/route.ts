// POST /reset/actions/start — username → a new reset or unlock session (enumeration-safe, see
// server/reset/start-reset-session.ts); always 303 to the service list with the session cookie.
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleResetForm } from '@/server/reset/http/reset-form-action';
import { startResetSession } from '@/server/reset/start-reset-session';

const schema = z.object({
  purpose: z.enum(['reset', 'unlock']),
  username: z.string().max(1000),
  returnUrl: z.string().max(2048).optional(),
});

export async function POST(request: NextRequest) {
  return handleResetForm(request, {
    schema,
    requireSession: false,
    errorPath: (input) => (input.purpose === 'unlock' ? '/unlock' : '/reset'),
    run: async ({ deps, input, origin }) => {
      const { token } = await startResetSession(deps, {
        purpose: input.purpose,
        username: input.username,
        origin,
        ...(input.returnUrl ? { returnUrl: input.returnUrl } : {}),
      });
      return { redirectTo: `/${input.purpose}/services`, newSessionToken: token };
    },
  });
}
