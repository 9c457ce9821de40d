// POST /reset/actions/passkey-options — WebAuthn request options (the same for every username).
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleResetJson } from '@/server/reset/http/reset-json-action';
import { passkeyAuthenticationOptions } from '@/server/reset/verify-passkey';

export async function POST(request: NextRequest) {
  return handleResetJson(request, {
    schema: z.object({ csrf: z.string() }),
    run: ({ deps, token }) => passkeyAuthenticationOptions(deps, { token }),
  });
}
