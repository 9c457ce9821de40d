// Combined registration in interrupt mode: register a method the engine asked for, then use it to finish the sign-in.
import { redirect, sendJson } from '../http/http';
import { addRegisteredMethod } from '../methods/registered-methods';
import { registerPasskey, registrationOptionsFor } from '../methods/webauthn';
import * as pages from '../views/sign-in-pages';
import { factorSucceeded } from './advance';
import { errorPages } from './entra-messages';
import { html, rpIdOf, userOf, type Interaction } from './interaction-context';

export async function registerSimulatedMethod(it: Interaction, method: string): Promise<void> {
  const user = userOf(it);
  const mode = it.state.registrable?.find((m) => m === method && m !== 'fido2');
  if (!user || !mode) return redirect(it.res, it.base);
  addRegisteredMethod(it.mock.store, user, mode);
  it.state.offered = [mode];
  // The new method is used at once to finish this sign-in, as in Entra's registration interrupt.
  redirect(it.res, `${it.base}?method=${mode}`);
}

export async function passkeyRegistrationOptions(it: Interaction): Promise<void> {
  const user = userOf(it);
  if (!user || !it.state.registrable?.includes('fido2')) return sendJson(it.res, 400, { error: 'not_in_registration' });
  const options = await registrationOptionsFor(it.mock.store, user, rpIdOf(it));
  it.state.webAuthnChallenge = options.challenge;
  sendJson(it.res, 200, options);
}

export async function registerPasskeyNow(it: Interaction, responseJson: string): Promise<void> {
  const user = userOf(it);
  const challenge = it.state.webAuthnChallenge;
  it.state.webAuthnChallenge = undefined;
  if (!user || !challenge || !it.state.registrable?.includes('fido2')) return redirect(it.res, it.base);
  let response: unknown;
  try {
    response = JSON.parse(responseJson);
  } catch {
    response = undefined;
  }
  const passkey =
    response === undefined
      ? undefined
      : await registerPasskey(
          it.mock.store,
          user,
          { response, expectedChallenge: challenge, origin: it.mock.origin(), rpID: rpIdOf(it) },
          it.mock.now(),
        );
  if (!passkey)
    return html(
      it,
      pages.errorPage({ ...errorPages.passkeyNotRegistered, upn: user.userPrincipalName, retryHref: it.base }),
      400,
    );
  addRegisteredMethod(it.mock.store, user, 'fido2');
  it.state.registrable = undefined;
  // Registration with user verification proves possession, so it counts as used in this session.
  return factorSucceeded(it, user, 'fido2');
}
