// POST /reset/actions/entra — starts the Microsoft Entra MFA round trip (303 to Entra's authorize URL).
import { z } from 'zod';
import { startEntraVerification } from '@/server/reset/entra-reset-verification';
import { defineResetRoute } from '@/server/reset/http/define-reset-route';
import { backWithError, purposeOf, resetArgs, resetRedirect } from '@/server/reset/http/reset-route-options';

export const POST = defineResetRoute({
  name: 'reset.entraStart',
  body: { kind: 'form', schema: z.object({ purpose: z.enum(['reset', 'unlock']) }) },
  redirectOnError: backWithError((raw) => `/${purposeOf(raw)}/services`),
  handle: async (context, _input, request) => {
    const { deps, token, origin } = resetArgs(context, request);
    const { authorizeUrl } = await startEntraVerification(deps, { token, origin });
    return resetRedirect(context, authorizeUrl);
  },
});
