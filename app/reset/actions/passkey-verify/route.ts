// POST /reset/actions/passkey-verify — checks the passkey assertion for this reset session.
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleResetJson } from '@/server/reset/http/reset-json-action';
import { verifyPasskey } from '@/server/reset/verify-passkey';

const schema = z.object({ csrf: z.string(), purpose: z.enum(['reset', 'unlock']), response: z.unknown() });

export async function POST(request: NextRequest) {
  return handleResetJson(request, {
    schema,
    run: async ({ deps, input, token, origin }) => {
      await verifyPasskey(deps, { token, response: input.response, origin });
      return { redirectTo: `/${input.purpose}/services?verified=passkey` };
    },
  });
}
