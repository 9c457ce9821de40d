import 'server-only';
// The end of an unlock: clears the lockout at the user's source of authority: AD's lockoutTime=0 for a
// synced user, Entra's smart lockout for a cloud-only one (Graph; in the mock POST /users/{id}/unlock, see
// docs/reset-portal.md for real Entra). Once per session, like a reset, with the same claim, intent and
// reconciliation (server/reset/directory-write-intent.ts).
import { AppError } from '../../lib/app-error';
import type { Locale } from '../../lib/i18n/pick-locale';
import { requireVerifiedSession, settleEarlierWrite, settleFailedWrite } from './change-password';
import { writeAtSourceOfAuthority } from '../hybrid/self-service-write';
import { claimWithIntent, completeWrite } from './directory-write-intent';
import type { RequestOrigin, ResetDependencies } from './reset-dependencies';

export async function unlockAccount(
  deps: ResetDependencies,
  input: { token: string | undefined; locale: Locale; origin: RequestOrigin },
): Promise<void> {
  const session = await requireVerifiedSession(deps, input.token, 'unlock');
  const userId = String(session.row.userId);
  await settleEarlierWrite(deps, session);
  const intent = await claimWithIntent(deps, {
    sessionId: session.row.id,
    kind: 'unlock',
    userId,
    locale: input.locale,
    origin: input.origin,
  });
  if (!intent)
    throw new AppError('CONFLICT', 'Your account is already being unlocked. Wait a moment.', {
      reason: 'alreadyInProgress',
    });
  const user = await deps.directory.getUser(userId);
  try {
    await writeAtSourceOfAuthority(deps, user, { kind: 'unlock' });
  } catch (error) {
    await settleFailedWrite(deps, intent, error);
    return;
  }
  await completeWrite(deps, intent);
}
