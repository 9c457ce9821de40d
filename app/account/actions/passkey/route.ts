// POST /account/actions/passkey — stores the passkey after a verified registration ceremony.
import { z } from 'zod';
import { recentAccountUser } from '@/server/account/account-route-options';
import { confirmPasskeyRegistration } from '@/server/account/passkey-enrolment';
import { defineRoute } from '@/server/http/define-route';

export const POST = defineRoute({
  name: 'account.passkey',
  access: 'signedIn',
  bodyLimitBytes: 64 * 1024,
  body: { kind: 'json', schema: z.object({ sealed: z.string().min(10).max(4000), response: z.unknown() }) },
  handle: async (context, { body }) => {
    await confirmPasskeyRegistration(
      context,
      { oid: recentAccountUser(context).oid, sealed: body.sealed, response: body.response, origin: context.client },
      context.clock.now(),
    );
    return { redirectTo: '/account?notice=passkeyEnrolled' };
  },
});
