// POST /reset/actions/entra — starts the Microsoft Entra MFA round trip (303 to Entra's authorize URL).
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { startEntraVerification } from '@/server/reset/entra-reset-verification';
import { handleResetForm } from '@/server/reset/http/reset-form-action';

const schema = z.object({ purpose: z.enum(['reset', 'unlock']) });

export async function POST(request: NextRequest) {
  return handleResetForm(request, {
    schema,
    requireSession: true,
    errorPath: (input) => `/${input.purpose === 'unlock' ? 'unlock' : 'reset'}/services`,
    run: async ({ deps, token, origin }) => {
      const { authorizeUrl } = await startEntraVerification(deps, { token, origin });
      return { redirectTo: authorizeUrl };
    },
  });
}
