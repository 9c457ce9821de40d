// POST /reset/actions/passkey-verify — checks the passkey assertion for this reset session.
import { z } from 'zod';
import { defineResetRoute } from '@/server/reset/http/define-reset-route';
import { renewedResetJson, resetArgs } from '@/server/reset/http/reset-route-options';
import { verifyPasskey } from '@/server/reset/verify-passkey';

export const POST = defineResetRoute({
  name: 'reset.passkeyVerify',
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
