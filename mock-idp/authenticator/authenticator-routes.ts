// The simulated Microsoft Authenticator app: one "phone" page per user at /authenticator/{upn}.
// Pending requests show app name, location and time; Approve needs the number from the sign-in
// page, then a PIN or biometric; Deny and "Report suspicious activity" end the request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { credentialsOf } from '../methods/demo-credentials';
import { readForm, redirect, sendHtml, sendJson } from '../http/http';
import type { MockIdp } from '../mock-idp-context';
import {
  answerPushRequest,
  pendingPushRequests,
  pushRequestById,
  unlockPushRequest,
  type PushAnswer,
} from '../methods/push-requests';
import { recordSignIn, signInErrorCodes } from '../store/sign-in-logs';
import { findUser, type TenantUser } from '../store/tenant';
import { authenticatorPage } from '../views/authenticator-page';

export async function handleAuthenticatorRoute(
  mock: MockIdp,
  req: IncomingMessage,
  res: ServerResponse,
  segments: string[],
): Promise<void> {
  const [upn = '', what, id, verb] = segments;
  const user = findUser(mock.tenant, decodeURIComponent(upn));
  if (!user)
    return sendHtml(
      res,
      404,
      authenticatorPage({
        upn: decodeURIComponent(upn),
        requests: [],
        now: mock.now(),
        message: 'No such account on this phone.',
      }),
    );
  const base = `/authenticator/${encodeURIComponent(user.userPrincipalName)}`;
  if (req.method === 'GET' && !what) {
    const message = new URL(req.url ?? '/', 'https://x').searchParams.get('message') ?? undefined;
    return sendHtml(
      res,
      200,
      authenticatorPage({
        upn: user.userPrincipalName,
        requests: pendingPushRequests(mock.pushes, user.id, mock.now()),
        now: mock.now(),
        message,
        base,
      }),
    );
  }
  if (req.method === 'GET' && what === 'requests.json') {
    return sendJson(res, 200, {
      value: pendingPushRequests(mock.pushes, user.id, mock.now()).map(({ number: _hidden, ...rest }) => rest),
    });
  }
  if (req.method === 'POST' && what === 'requests' && id && verb === 'answer') {
    const form = await readForm(req);
    const answer: PushAnswer = form.action === 'deny' ? 'deny' : form.action === 'report' ? 'report' : 'approve';
    const number = form.number && /^\d{1,3}$/.test(form.number.trim()) ? Number(form.number.trim()) : undefined;
    const result = answerAsAuthenticator(mock, user, id, answer, number);
    return redirect(res, `${base}?message=${encodeURIComponent(result.message)}`);
  }
  if (req.method === 'POST' && what === 'requests' && id && verb === 'unlock') {
    const form = await readForm(req);
    const result = unlockAsAuthenticator(
      mock,
      user,
      id,
      form.biometric === 'yes' ? { biometric: true } : { pin: form.pin ?? '' },
    );
    return redirect(res, `${base}?message=${encodeURIComponent(result.message)}`);
  }
  return sendJson(res, 404, { error: 'not_found' });
}

export type AuthenticatorResult = { status: string; message: string };

/** Shared by the phone page and the control API. */
export function answerAsAuthenticator(
  mock: MockIdp,
  user: TenantUser,
  requestId: string,
  answer: PushAnswer,
  number: number | undefined,
): AuthenticatorResult {
  const now = mock.now();
  const before = pushRequestById(mock.pushes, requestId, now);
  if (!before || before.userId !== user.id)
    return { status: 'notFound', message: 'That request is no longer available.' };
  if (before.status !== 'pending') return { status: before.status, message: 'That request is no longer available.' };
  if (answer === 'approve' && number === undefined)
    return { status: 'pending', message: 'Enter the number shown on the sign-in screen to approve.' };
  const request = answerPushRequest(mock.pushes, requestId, answer, number, now);
  const status = request?.status ?? 'notFound';
  if (status === 'reported') {
    // "Report suspicious activity" marks the user high risk (howto-mfa-mfasettings).
    mock.store.put('userRisk', user.id, { level: 'high', reportedAt: new Date(now).toISOString() });
    recordSignIn(
      mock.store,
      {
        userId: user.id,
        userPrincipalName: user.userPrincipalName,
        userDisplayName: user.displayName,
        appId: '',
        appDisplayName: request?.appName ?? '',
        ipAddress: request?.ipAddress ?? '',
        clientAppUsed: 'Browser',
        isInteractive: true,
        authenticationMethodsUsed: [],
        appliedConditionalAccessPolicies: [],
        conditionalAccessStatus: 'notApplied',
        status: {
          errorCode: signInErrorCodes.mfaDenied,
          failureReason: 'User reported suspicious activity in Microsoft Authenticator.',
          additionalDetails: null,
        },
        riskState: 'atRisk',
      },
      now,
    );
  }
  const messages: Record<string, string> = {
    awaitingUnlock: 'Number matched. Confirm it’s you with your PIN or biometric.',
    numberMismatch: 'The number you entered didn’t match. The request was denied.',
    denied: 'Request denied.',
    reported: 'Reported. Your organization has been notified.',
  };
  return { status, message: messages[status] ?? 'Done.' };
}

export function unlockAsAuthenticator(
  mock: MockIdp,
  user: TenantUser,
  requestId: string,
  proof: { pin: string } | { biometric: true },
): AuthenticatorResult {
  const now = mock.now();
  const request = pushRequestById(mock.pushes, requestId, now);
  if (!request || request.userId !== user.id || request.status !== 'awaitingUnlock')
    return { status: request?.status ?? 'notFound', message: 'That request is no longer available.' };
  if ('pin' in proof) {
    const expected =
      credentialsOf(mock.credentials, user.userPrincipalName).authenticatorPin ??
      mock.credentials.defaultAuthenticatorPin;
    if (proof.pin !== expected) return { status: 'awaitingUnlock', message: 'Incorrect PIN. Try again.' };
  }
  unlockPushRequest(mock.pushes, requestId, now);
  return { status: 'approved', message: 'Approved. You can return to the sign-in page.' };
}
