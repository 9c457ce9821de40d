// POST /reset/actions/passkey-options — WebAuthn request options (the same for every username).
import { z } from 'zod';
import { defineRoute } from '@/server/http/define-route';
import { checkResetCsrf, resetArgs, resetHeaders } from '@/server/reset/http/reset-route-options';
import { passkeyAuthenticationOptions } from '@/server/reset/verify-passkey';

export const POST = defineRoute({
  name: 'reset.passkeyOptions',
  access: 'public',
  headers: resetHeaders,
  csrf: checkResetCsrf,
  body: { kind: 'json', schema: z.object({ csrf: z.string() }) },
  handle: async (context, _input, request) => {
    const { deps, token } = resetArgs(context, request);
    return passkeyAuthenticationOptions(deps, { token });
  },
});
