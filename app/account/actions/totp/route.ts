// POST /account/actions/totp — confirms a new authenticator app with its first code.
import { z } from 'zod';
import { accountBackWithError, accountRedirect, recentAccountUser } from '@/server/account/account-route-options';
import { confirmTotpEnrolment } from '@/server/account/totp-enrolment';
import { defineRoute } from '@/server/http/define-route';

export const POST = defineRoute({
  name: 'account.totp',
  access: 'signedIn',
  // The code is typed by the user: a wrong shape is a wrong code, explained on the page, not a 400.
  body: { kind: 'form', schema: z.object({ sealed: z.string().min(10).max(2000), code: z.string().trim().max(20) }) },
  redirectOnError: accountBackWithError('/account/totp'),
  handle: async (context, { body }) => {
    await confirmTotpEnrolment(
      context,
      { oid: recentAccountUser(context).oid, sealed: body.sealed, code: body.code, origin: context.client },
      context.clock.now(),
    );
    return accountRedirect(context, '/account?notice=totpEnrolled');
  },
});
