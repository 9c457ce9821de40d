// POST /reset/actions/entra — starts the Microsoft Entra MFA round trip (303 to Entra's authorize URL).
import { z } from 'zod';
import { startEntraVerification } from '@/server/reset/entra-reset-verification';
import { defineRoute } from '@/server/http/define-route';
import {
  backWithError,
  checkResetCsrf,
  purposeOf,
  resetArgs,
  resetHeaders,
  resetRedirect,
} from '@/server/reset/http/reset-route-options';

export const POST = defineRoute({
  name: 'reset.entraStart',
  access: 'public',
  headers: resetHeaders,
  csrf: checkResetCsrf,
  body: { kind: 'form', schema: z.object({ purpose: z.enum(['reset', 'unlock']) }) },
  redirectOnError: backWithError((raw) => `/${purposeOf(raw)}/services`),
  handle: async (context, _input, request) => {
    const { deps, token, origin } = resetArgs(context, request);
    const { authorizeUrl } = await startEntraVerification(deps, { token, origin });
    return resetRedirect(context, authorizeUrl);
  },
});
