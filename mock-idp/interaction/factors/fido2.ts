// The passkey (FIDO2, real WebAuthn) factor: authentication options with a fresh challenge, then verification.
import { sendJson } from '../../http/http';
import { authenticationOptionsFor, verifyPasskeySignIn } from '../../methods/webauthn';
import { signInErrorCodes } from '../../store/sign-in-logs';
import { factorSucceeded } from '../advance';
import { failureReasons, inlineErrors } from '../entra-messages';
import { expectStep } from '../expect-step';
import { rpIdOf, userOf, type Interaction } from '../interaction-context';
import { logFailure } from '../log-failure';
import { renderMethod } from '../render-method';

export async function fido2Options(it: Interaction): Promise<void> {
  const user = userOf(it);
  if (!user) return sendJson(it.res, 400, { error: 'no_user' });
  const options = await authenticationOptionsFor(it.mock.store, user, rpIdOf(it));
  it.state.webAuthnChallenge = options.challenge;
  sendJson(it.res, 200, options);
}

export async function submitFido2(it: Interaction, responseJson: string): Promise<void> {
  const user = expectStep(it, 'fido2');
  if (!user) return;
  const challenge = it.state.webAuthnChallenge;
  it.state.webAuthnChallenge = undefined;
  let response: unknown;
  try {
    response = JSON.parse(responseJson);
  } catch {
    response = undefined;
  }
  const isVerified =
    challenge !== undefined &&
    response !== undefined &&
    (await verifyPasskeySignIn(it.mock.store, user, {
      response,
      expectedChallenge: challenge,
      origin: it.mock.origin(),
      rpID: rpIdOf(it),
    }));
  if (!isVerified) {
    logFailure(it, user, signInErrorCodes.invalidCode, failureReasons.passkeyNotVerified);
    return renderMethod(it, user, 'fido2', inlineErrors.passkeyNotVerified);
  }
  return factorSucceeded(it, user, 'fido2');
}
