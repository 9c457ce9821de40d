// POST /reset/actions/passkey-verify — checks the passkey assertion for this reset session.
import { z } from 'zod';
import { defineRoute } from '@/server/http/define-route';
import { checkResetCsrf, renewedResetJson, resetArgs, resetHeaders } from '@/server/reset/http/reset-route-options';
import { verifyPasskey } from '@/server/reset/verify-passkey';

export const POST = defineRoute({
  name: 'reset.passkeyVerify',
  access: 'public',
  headers: resetHeaders,
  csrf: checkResetCsrf,
  bodyLimitBytes: 64 * 1024,
  body: {
    kind: 'json',
    schema: z.object({ csrf: z.string(), purpose: z.enum(['reset', 'unlock']), response: z.unknown() }),
  },
  handle: async (context, { body }, request) => {
    const { deps, token, origin } = resetArgs(context, request);
    await verifyPasskey(deps, { token, response: body.response, origin });
    return renewedResetJson(context, request, { redirectTo: `/${body.purpose}/services?verified=passkey` });
  },
});
