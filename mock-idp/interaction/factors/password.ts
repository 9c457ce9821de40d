// The password factor, behind Entra's smart lockout: a locked account or a wrong password is logged and refused.
import { credentialsOf } from '../../methods/demo-credentials';
import { isPasswordCorrect } from '../../methods/passwords';
import { clearLockout, isLockedOut, recordFailedPassword } from '../../methods/smart-lockout';
import { signInErrorCodes } from '../../store/sign-in-logs';
import { factorSucceeded } from '../advance';
import { failureReasons, inlineErrors } from '../entra-messages';
import { expectStep } from '../expect-step';
import type { Interaction } from '../interaction-context';
import { logFailure } from '../log-failure';
import { renderMethod } from '../render-method';

export async function submitPassword(it: Interaction, password: string): Promise<void> {
  const user = expectStep(it, 'password');
  if (!user) return;
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
