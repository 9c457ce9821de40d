// The Windows Hello for Business factor, simulated by a PIN from the mock-only credentials.
import { credentialsOf } from '../../methods/demo-credentials';
import { factorSucceeded } from '../advance';
import { inlineErrors } from '../entra-messages';
import { expectStep } from '../expect-step';
import type { Interaction } from '../interaction-context';
import { renderMethod } from '../render-method';

export async function submitWindowsHello(it: Interaction, pin: string): Promise<void> {
  const user = expectStep(it, 'windowsHelloForBusiness');
  if (!user) return;
  const expected =
    credentialsOf(it.mock.credentials, user.userPrincipalName).windowsHelloPin ??
    it.mock.credentials.defaultWindowsHelloPin;
  if (pin !== expected) return renderMethod(it, user, 'windowsHelloForBusiness', inlineErrors.wrongPin);
  return factorSucceeded(it, user, 'windowsHelloForBusiness');
}
