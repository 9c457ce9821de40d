import 'server-only';
// The portal's authenticator-app service: a TOTP code from the app the user enrolled on /account.
// An account without one, or an unknown account, gets exactly the "wrong code" answer.
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import { openSealedSecret } from '../account/sealed-secret';
import { matchTotpStep } from '../account/totp';
import type { RequestOrigin, ResetDependencies } from './reset-dependencies';
import { ensureAccountResolved, loadActiveResetSession, type LoadedResetSession } from './reset-session-store';
import { assertServiceEnabled } from './verification-codes';
import { resetSessionReference } from './reset-secrets';
import { consumeCodeCheck } from './reset-attempt-limits';
import { recordVerificationFailure, recordVerificationSuccess } from './verification-attempt';

export const totpInputSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.');

export async function verifyTotp(
  deps: ResetDependencies,
  input: { token: string | undefined; code: string; origin: RequestOrigin },
): Promise<LoadedResetSession> {
  const loaded = await loadActiveResetSession(deps, input.token);
  await assertServiceEnabled(deps, 'totp');
  const code = totpInputSchema.parse(input.code);
  const session = await ensureAccountResolved(deps, loaded);
  const attempt = { session, service: 'totp', origin: input.origin } as const;
  const fail = async (reason: string) => {
    await recordVerificationFailure(deps, attempt, reason);
    return reason === 'tooManyTries'
      ? new AppError('RATE_LIMITED', 'Too many wrong codes. Wait a few minutes and try again.', { reason })
      : new AppError('INVALID_INPUT', 'That code is not right. Check the time on your phone and try again.', {
          reason: 'wrongCode',
        });
  };
  const sessionReference = resetSessionReference(session.row);
  const limit = await consumeCodeCheck(deps, { username: session.row.username, sessionReference }, input.origin);
  if (!limit.allowed) throw await fail('tooManyTries');
  const credentials = session.row.userId
    ? await deps.db.portalCredential.findMany({ where: { userId: session.row.userId, kind: 'totp' } })
    : [];
  const now = deps.now();
  for (const credential of credentials) {
    if (!credential.secretSealed) continue;
    const step = matchTotpStep(openSealedSecret(deps.settings.secret, credential.secretSealed), code, now);
    if (step === null) continue;
    // Accept each time step once, atomically.
    const { count } = await deps.db.portalCredential.updateMany({
      where: { id: credential.id, counter: { lt: step } },
      data: { counter: step, lastUsedAt: now },
    });
    if (count === 0) throw await fail('codeReused');
    return recordVerificationSuccess(deps, attempt);
  }
  throw await fail('wrongCode');
}
