// POST /account/actions/remove — removes one of the signed-in user's portal methods.
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleAccountForm } from '@/server/account/account-actions';
import { removePortalCredential } from '@/server/account/totp-enrolment';

export async function POST(request: NextRequest) {
  return handleAccountForm(request, {
    schema: z.object({ credentialId: z.string().uuid() }),
    errorPath: '/account',
    run: async (input, user, origin) => {
      await removePortalCredential({ oid: user.oid, credentialId: input.credentialId, origin }, new Date());
      return '/account?notice=removed';
    },
  });
}
