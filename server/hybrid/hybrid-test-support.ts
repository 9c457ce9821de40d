// Test support for routing by source of authority: synced directory users (Graph's onPremises* view of an
// AD account) and a reset session verified the way a user would (SMS code + authenticator app), so the
// tests drive the real server functions against a real database.
import type { ResetDirectoryUser } from '../reset/reset-directory';
import { sealSecret } from '../account/sealed-secret';
import { newTotp, totpCodeAt } from '../account/totp';
import { startResetSession } from '../reset/start-reset-session';
import { checkVerificationCode, sendVerificationCode } from '../reset/verification-codes';
import { verifyTotp } from '../reset/verify-totp';
import { codeIn, settleBackgroundTasks, type testResetDependencies } from '../reset/reset-test-support';

export const testOrigin = { ip: '203.0.113.9', userAgent: 'vitest-hybrid' };

export function syncedUser(
  id: string,
  userPrincipalName: string,
  onPremises: { securityIdentifier: string | null; domainName: string | null; samAccountName?: string },
): ResetDirectoryUser {
  return {
    id,
    userPrincipalName,
    displayName: userPrincipalName.split('@')[0] ?? userPrincipalName,
    mobilePhone: '+1 555 0199',
    alternateEmail: `${id}@personal.test`,
    onPremises: {
      securityIdentifier: onPremises.securityIdentifier,
      domainName: onPremises.domainName,
      samAccountName: onPremises.samAccountName ?? null,
      distinguishedName: null,
    },
  };
}

/** A reset (or unlock) session with SMS and an authenticator app verified: enough stars for either. */
export async function verifiedSession(
  deps: ReturnType<typeof testResetDependencies>,
  user: ResetDirectoryUser,
  purpose: 'reset' | 'unlock' = 'reset',
): Promise<string> {
  const { token } = await startResetSession(deps, { purpose, username: user.userPrincipalName, origin: testOrigin });
  await settleBackgroundTasks();
  await sendVerificationCode(deps, { token, service: 'sms', locale: 'en', origin: testOrigin });
  await settleBackgroundTasks();
  const sms = codeIn(deps.captured.sms.at(-1)?.body ?? '');
  await checkVerificationCode(deps, { token, service: 'sms', code: sms, origin: testOrigin });
  const { secretBase32 } = newTotp(user.userPrincipalName);
  await deps.db.portalCredential.create({
    data: {
      id: crypto.randomUUID(),
      userId: user.id,
      kind: 'totp',
      secretSealed: sealSecret(deps.settings.secret, secretBase32),
      createdAt: deps.now(),
    },
  });
  await verifyTotp(deps, { token, code: totpCodeAt(secretBase32, deps.now()), origin: testOrigin });
  return token;
}
