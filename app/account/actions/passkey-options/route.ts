// POST /account/actions/passkey-options — WebAuthn creation options for the signed-in user.
import { z } from 'zod';
import { recentAccountUser } from '@/server/account/account-route-options';
import { passkeyRegistrationOptions } from '@/server/account/passkey-enrolment';
import { defineRoute } from '@/server/http/define-route';

export const POST = defineRoute({
  name: 'account.passkeyOptions',
  access: 'signedIn',
  body: { kind: 'json', schema: z.object({}) },
  handle: (context) => passkeyRegistrationOptions(context, recentAccountUser(context), context.clock.now()),
});
