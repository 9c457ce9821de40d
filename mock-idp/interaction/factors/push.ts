// The Microsoft Authenticator push factor (passwordless or second factor): send, poll status, read the answer.
import type { AuthenticationMethodMode } from '../../../lib/conditional-access/authentication-method-mode';
import { clientIpOf } from '../../http/client-ip';
import { redirect, sendJson } from '../../http/http';
import { createPushRequest, pushRequestById } from '../../methods/push-requests';
import { signInErrorCodes } from '../../store/sign-in-logs';
import { factorSucceeded } from '../advance';
import {
  failureReasons,
  pushFailedOutcome,
  pushFailureReason,
  pushOutcomes,
  pushRateLimitedError,
} from '../entra-messages';
import { expectStep } from '../expect-step';
import { userOf, type Interaction } from '../interaction-context';
import { logFailure } from '../log-failure';
import { renderMethod } from '../render-method';

export async function sendPush(it: Interaction): Promise<void> {
  const user = userOf(it);
  if (!user) return redirect(it.res, it.base);
  const isPasswordless = it.state.methods.length === 0;
  const mode: AuthenticationMethodMode = isPasswordless ? 'deviceBasedPush' : 'microsoftAuthenticatorPush';
  if (!expectStep(it, mode)) return;
  const ip = clientIpOf(it.mock, it.req, it.state.browserId);
  const result = createPushRequest(
    it.mock.pushes,
    {
      userId: user.id,
      userPrincipalName: user.userPrincipalName,
      kind: isPasswordless ? 'passwordless' : 'mfa',
      appName: it.appName,
      location: ip.startsWith('127.') || ip === '::1' ? 'Local machine (mock)' : `IP ${ip}`,
      ipAddress: ip,
      interactionUid: it.state.uid,
    },
    it.mock.now(),
  );
  if (!result.isCreated) {
    logFailure(it, user, signInErrorCodes.pushRateLimited, failureReasons.pushRateLimited);
    return renderMethod(it, user, mode, pushRateLimitedError(result.retryAfterMs));
  }
  it.state.pushId = result.request.id;
  redirect(it.res, `${it.base}?method=${mode}`);
}

export function pushStatus(it: Interaction): void {
  const push = it.state.pushId ? pushRequestById(it.mock.pushes, it.state.pushId, it.mock.now()) : undefined;
  sendJson(it.res, 200, { status: push?.status ?? 'none' });
}

export async function pushResult(it: Interaction): Promise<void> {
  const user = userOf(it);
  if (!user) return redirect(it.res, it.base);
  const push = it.state.pushId ? pushRequestById(it.mock.pushes, it.state.pushId, it.mock.now()) : undefined;
  const mode: AuthenticationMethodMode =
    push?.kind === 'passwordless' ? 'deviceBasedPush' : 'microsoftAuthenticatorPush';
  if (!push) return redirect(it.res, it.base);
  if (push.status === 'pending' || push.status === 'awaitingUnlock')
    return redirect(it.res, `${it.base}?method=${mode}`);
  it.state.pushId = undefined;
  if (push.status === 'approved') return factorSucceeded(it, user, mode);
  const [title, message] = pushOutcomes[push.status] ?? pushFailedOutcome;
  logFailure(it, user, signInErrorCodes.mfaDenied, pushFailureReason(push.status));
  return renderMethod(it, user, mode, `${title}. ${message}`);
}
