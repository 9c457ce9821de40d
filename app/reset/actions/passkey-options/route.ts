// POST /reset/actions/passkey-options — WebAuthn request options (the same for every username).
import { z } from 'zod';
import { defineResetRoute } from '@/server/reset/http/define-reset-route';
import { resetArgs } from '@/server/reset/http/reset-route-options';
import { passkeyAuthenticationOptions } from '@/server/reset/verify-passkey';

export const POST = defineResetRoute({
  name: 'reset.passkeyOptions',
  body: { kind: 'json', schema: z.object({ csrf: z.string() }) },
  handle: async (context, _input, request) => {
    const { deps, token } = resetArgs(context, request);
    return passkeyAuthenticationOptions(deps, { token });
  },
});
