// The password factor. Cloud-only users are behind Entra's smart lockout: a locked account or a wrong
// password is logged and refused. Synced users, when the mock is given a DC (AD_URL), are checked by
// pass-through authentication: AD decides, and AD's lockout applies instead of smart lockout.
import { credentialsOf } from '../../methods/demo-credentials';
import { passThroughAuthenticate, type PassThroughOutcome } from '../../methods/pass-through-authentication';
import { isPasswordCorrect } from '../../methods/passwords';
import { clearLockout, isLockedOut, recordFailedPassword } from '../../methods/smart-lockout';
import { signInErrorCodes } from '../../store/sign-in-logs';
import { isSyncedUser, type TenantUser } from '../../store/tenant';
import { factorSucceeded } from '../advance';
import { failureReasons, inlineErrors } from '../entra-messages';
import { expectStep } from '../expect-step';
import type { Interaction } from '../interaction-context';
import { logFailure } from '../log-failure';
import { renderMethod } from '../render-method';

const passThroughRefusals: Record<
  Exclude<PassThroughOutcome, 'valid'>,
  { code: number; reason: string; inline: string }
> = {
  invalid: {
    code: signInErrorCodes.invalidPassword,
    reason: failureReasons.invalidPassword,
    inline: inlineErrors.wrongPassword,
  },
  locked: {
    code: signInErrorCodes.accountLocked,
    reason: failureReasons.accountLocked,
    inline: inlineErrors.accountLocked,
  },
  disabled: {
    code: signInErrorCodes.accountDisabled,
    reason: failureReasons.accountDisabled,
    inline: inlineErrors.accountDisabled,
  },
  unavailable: {
    code: signInErrorCodes.passThroughUnavailable,
    reason: failureReasons.passThroughUnavailable,
    inline: inlineErrors.passThroughUnavailable,
  },
};

async function submitPassThrough(it: Interaction, user: TenantUser, password: string): Promise<void> {
  const settings = it.mock.config.passThrough;
  if (!settings) return;
  const login = user.onPremisesUserPrincipalName ?? user.userPrincipalName;
  const outcome = await passThroughAuthenticate(settings, login, password);
  if (outcome === 'valid') return factorSucceeded(it, user, 'password');
  const refusal = passThroughRefusals[outcome];
  logFailure(it, user, refusal.code, refusal.reason);
  return renderMethod(it, user, 'password', refusal.inline);
}

export async function submitPassword(it: Interaction, password: string): Promise<void> {
  const user = expectStep(it, 'password');
  if (!user) return;
  if (isSyncedUser(user) && it.mock.config.passThrough) return submitPassThrough(it, user, password);
  const { store } = it.mock;
  const now = it.mock.now();
  if (isLockedOut(store, user.id, now)) {
    logFailure(it, user, signInErrorCodes.accountLocked, failureReasons.accountLocked);
    return renderMethod(it, user, 'password', inlineErrors.accountLocked);
  }
  const demoPassword =
    credentialsOf(it.mock.credentials, user.userPrincipalName).password ?? it.mock.credentials.defaultPassword;
  if (!isPasswordCorrect(store, user.id, password, demoPassword)) {
    const record = recordFailedPassword(store, user.id, now);
    const isLocked = record.lockedUntil > now;
    logFailure(
      it,
      user,
      isLocked ? signInErrorCodes.accountLocked : signInErrorCodes.invalidPassword,
      isLocked ? failureReasons.accountLocked : failureReasons.invalidPassword,
    );
    return renderMethod(it, user, 'password', isLocked ? inlineErrors.accountLocked : inlineErrors.wrongPassword);
  }
  clearLockout(store, user.id);
  return factorSucceeded(it, user, 'password');
}
