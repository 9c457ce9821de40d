// POST /account/actions/remove — removes one of the signed-in user's portal methods.
import { z } from 'zod';
import { accountBackWithError, accountRedirect, recentAccountUser } from '@/server/account/account-route-options';
import { removePortalCredential } from '@/server/account/totp-enrolment';
import { defineRoute } from '@/server/http/define-route';

export const POST = defineRoute({
  name: 'account.remove',
  access: 'signedIn',
  body: { kind: 'form', schema: z.object({ credentialId: z.uuid() }) },
  redirectOnError: accountBackWithError('/account'),
  handle: async (context, { body }) => {
    await removePortalCredential(
      context,
      { oid: recentAccountUser(context).oid, credentialId: body.credentialId, origin: context.client },
      context.clock.now(),
    );
    return accountRedirect(context, '/account?notice=removed');
  },
});
