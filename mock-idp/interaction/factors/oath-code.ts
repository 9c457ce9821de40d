// The authenticator app code (TOTP, RFC 6238) factor, checked against the user's mock-only secret.
import * as OTPAuth from 'otpauth';
import { credentialsOf } from '../../methods/demo-credentials';
import { signInErrorCodes } from '../../store/sign-in-logs';
import { factorSucceeded } from '../advance';
import { failureReasons, inlineErrors } from '../entra-messages';
import { expectStep } from '../expect-step';
import type { Interaction } from '../interaction-context';
import { logFailure } from '../log-failure';
import { renderMethod } from '../render-method';

export async function submitTotp(it: Interaction, code: string): Promise<void> {
  const user = expectStep(it, 'softwareOath');
  if (!user) return;
  const secret = credentialsOf(it.mock.credentials, user.userPrincipalName).totpSecret;
  const totp = secret
    ? new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 })
    : undefined;
  const delta = totp?.validate({ token: code.replace(/\s/g, ''), timestamp: it.mock.now(), window: 1 });
  if (delta === null || delta === undefined) {
    logFailure(it, user, signInErrorCodes.invalidCode, failureReasons.invalidCode);
    return renderMethod(it, user, 'softwareOath', inlineErrors.wrongCode);
  }
  return factorSucceeded(it, user, 'softwareOath');
}
