// POST /account/actions/passkey — stores the passkey after a verified registration ceremony.
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleAccountJson } from '@/server/account/account-json-action';
import { confirmPasskeyRegistration } from '@/server/account/passkey-enrolment';

export async function POST(request: NextRequest) {
  return handleAccountJson(request, {
    schema: z.object({ sealed: z.string().min(10).max(4000), response: z.unknown() }),
    run: async (input, user, origin) => {
      await confirmPasskeyRegistration(
        { oid: user.oid, sealed: input.sealed, response: input.response, origin },
        new Date(),
      );
      return { redirectTo: '/account?notice=passkeyEnrolled' };
    },
  });
}
