// MOCK-ONLY Graph extension: a service-desk verification push to the user's simulated Authenticator.
// Entra has no public Graph API that sends an arbitrary app's push with number matching; against real
// Entra the portal plugs in another CallerPushChannel (docs/service-desk.md). Here the push goes into the
// same registry as sign-in pushes, so the Authenticator page, number matching, Deny, "Report suspicious
// activity", the 90 s expiry and the per-user rate limit (3 unanswered in 10 minutes) all apply.
//   POST /graph/v1.0/users/{id}/mockVerificationPushes {appName?, location?, ipAddress?} → 201 {id, number, status, ...}
//   GET  /graph/v1.0/users/{id}/mockVerificationPushes/{pushId} → {id, status, ...} (never the number)
// Needs the application permission UserAuthenticationMethod.ReadWrite.All.
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { readJson } from '../http/http';
import type { MockIdp } from '../mock-idp-context';
import { createPushRequest, pushRequestById, type PushRequest } from '../methods/push-requests';
import { registeredMethodsOf } from '../methods/registered-methods';
import type { TenantUser } from '../store/tenant';
import { graphError, requirePermission, type GraphCaller } from './graph-auth';

const bodySchema = z.object({
  appName: z.string().min(1).max(80).default('Verity service desk'),
  location: z.string().min(1).max(80).default('Service desk call'),
  ipAddress: z.string().max(45).default('0.0.0.0'),
});

// The app shows "approved" only after the PIN or biometric; before that the push is still pending.
function publicStatus(request: PushRequest): string {
  return request.status === 'awaitingUnlock' ? 'pending' : request.status;
}

function resource(request: PushRequest) {
  return {
    id: request.id,
    status: publicStatus(request),
    appName: request.appName,
    createdDateTime: new Date(request.createdAt).toISOString(),
    expiresDateTime: new Date(request.expiresAt).toISOString(),
  };
}

export async function handleVerificationPushes(
  mock: MockIdp,
  req: IncomingMessage,
  caller: GraphCaller,
  user: TenantUser,
  pushId: string | undefined,
): Promise<{ status?: number; body: unknown } | undefined> {
  requirePermission(caller, ['UserAuthenticationMethod.ReadWrite.All']);
  const now = mock.now();
  if (req.method === 'POST' && !pushId) {
    const body = bodySchema.safeParse(await readJson(req));
    if (!body.success)
      throw graphError('INVALID_INPUT', 'Request_BadRequest', 'appName, location and ipAddress must be short strings.');
    const methods = registeredMethodsOf(mock.store, user);
    if (!methods.includes('microsoftAuthenticatorPush') && !methods.includes('deviceBasedPush')) {
      throw graphError('INVALID_INPUT', 'Request_BadRequest', 'The user has no Microsoft Authenticator registered.');
    }
    const created = createPushRequest(
      mock.pushes,
      {
        userId: user.id,
        userPrincipalName: user.userPrincipalName,
        kind: 'verification',
        ...body.data,
        interactionUid: `verification:${crypto.randomUUID()}`,
      },
      now,
    );
    if (!created.isCreated) {
      const error = graphError(
        'RATE_LIMITED',
        'tooManyRequests',
        'Too many unanswered requests were sent to this user. Try again later.',
      );
      error.details.retryAfterSeconds = Math.ceil(created.retryAfterMs / 1000);
      throw error;
    }
    // The number is returned once, to the caller that shows it; the phone asks the user to type it.
    return { status: 201, body: { ...resource(created.request), number: created.request.number } };
  }
  if (req.method === 'GET' && pushId) {
    const request = pushRequestById(mock.pushes, pushId, now);
    if (!request || request.userId !== user.id || request.kind !== 'verification') return undefined;
    return { body: resource(request) };
  }
  return undefined;
}
