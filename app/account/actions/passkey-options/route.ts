// POST /account/actions/passkey-options — WebAuthn creation options for the signed-in user.
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleAccountJson } from '@/server/account/account-json-action';
import { passkeyRegistrationOptions } from '@/server/account/passkey-enrolment';

export async function POST(request: NextRequest) {
  return handleAccountJson(request, {
    schema: z.object({}),
    run: (_input, user) => passkeyRegistrationOptions(user, new Date()),
  });
}
