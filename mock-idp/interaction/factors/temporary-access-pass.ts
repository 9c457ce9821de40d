// The Temporary Access Pass factor: one-time or multi-use, redeemed against the user's current pass.
import { verifyTemporaryAccessPass } from '../../methods/temporary-access-pass';
import { signInErrorCodes } from '../../store/sign-in-logs';
import { factorSucceeded } from '../advance';
import { failureReasons, inlineErrors } from '../entra-messages';
import { expectStep } from '../expect-step';
import type { Interaction } from '../interaction-context';
import { logFailure } from '../log-failure';
import { renderMethod } from '../render-method';

export async function submitTap(it: Interaction, pass: string): Promise<void> {
  const user = expectStep(it, 'anyTemporaryAccessPass');
  if (!user) return;
  const redeemed = verifyTemporaryAccessPass(it.mock.store, user.id, pass, it.mock.now());
  if (!redeemed) {
    logFailure(it, user, signInErrorCodes.invalidCode, failureReasons.invalidTemporaryAccessPass);
    return renderMethod(it, user, 'temporaryAccessPassOneTime', inlineErrors.wrongTemporaryAccessPass);
  }
  return factorSucceeded(
    it,
    user,
    redeemed.isUsableOnce ? 'temporaryAccessPassOneTime' : 'temporaryAccessPassMultiUse',
  );
}
