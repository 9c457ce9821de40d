// Authenticator push requests, the phone side of number matching (how-to-mfa-number-match):
// the sign-in page shows a two-digit number, the app asks for it before Approve, a wrong number
// ends the request as a failure, then the app unlocks with PIN or biometric. Approve-only is
// impossible (ASVS5 6.6.4). Pushes to one user are rate-limited so push bombing does not work.
import crypto from 'node:crypto';

// 'verification': a service-desk caller check sent through the mock-only Graph API (graph/verification-push-routes.ts).
export type PushKind = 'passwordless' | 'mfa' | 'verification';
export type PushStatus =
  'pending' | 'awaitingUnlock' | 'approved' | 'denied' | 'numberMismatch' | 'expired' | 'reported';

export type PushRequest = {
  id: string;
  userId: string;
  userPrincipalName: string;
  kind: PushKind;
  number: number;
  appName: string;
  location: string;
  ipAddress: string;
  createdAt: number;
  expiresAt: number;
  status: PushStatus;
  interactionUid: string;
};

export type PushPolicy = {
  lifetimeMs: number;
  /** Unanswered pushes (not approved) within `windowMs` that trigger the block. */
  maxUnanswered: number;
  windowMs: number;
  blockMs: number;
};

export const defaultPushPolicy: PushPolicy = {
  lifetimeMs: 90_000,
  maxUnanswered: 3,
  windowMs: 10 * 60_000,
  blockMs: 10 * 60_000,
};

export type PushRegistry = {
  requests: Map<string, PushRequest>;
  blockedUntil: Map<string, number>;
  policy: PushPolicy;
};

export function createPushRegistry(policy: PushPolicy = defaultPushPolicy): PushRegistry {
  return { requests: new Map(), blockedUntil: new Map(), policy };
}

function expireOld(registry: PushRegistry, now: number): void {
  for (const request of registry.requests.values()) {
    if ((request.status === 'pending' || request.status === 'awaitingUnlock') && request.expiresAt <= now) {
      request.status = 'expired';
    }
    // Forget finished requests after the rate-limit window; they no longer count.
    if (request.createdAt + registry.policy.windowMs * 2 < now) registry.requests.delete(request.id);
  }
}

export type CreatePushResult =
  { isCreated: true; request: PushRequest } | { isCreated: false; reason: 'rateLimited'; retryAfterMs: number };

export function createPushRequest(
  registry: PushRegistry,
  input: Omit<PushRequest, 'id' | 'number' | 'createdAt' | 'expiresAt' | 'status'>,
  now: number,
): CreatePushResult {
  expireOld(registry, now);
  const blockedUntil = registry.blockedUntil.get(input.userId) ?? 0;
  if (blockedUntil > now) return { isCreated: false, reason: 'rateLimited', retryAfterMs: blockedUntil - now };
  const recentUnanswered = [...registry.requests.values()].filter(
    (r) => r.userId === input.userId && r.createdAt > now - registry.policy.windowMs && r.status !== 'approved',
  );
  if (recentUnanswered.length >= registry.policy.maxUnanswered) {
    registry.blockedUntil.set(input.userId, now + registry.policy.blockMs);
    return { isCreated: false, reason: 'rateLimited', retryAfterMs: registry.policy.blockMs };
  }
  // A new request from the same sign-in replaces its earlier one.
  for (const r of registry.requests.values()) {
    if (r.interactionUid === input.interactionUid && r.status === 'pending') r.status = 'expired';
  }
  const request: PushRequest = {
    ...input,
    id: crypto.randomUUID(),
    number: crypto.randomInt(10, 100),
    createdAt: now,
    expiresAt: now + registry.policy.lifetimeMs,
    status: 'pending',
  };
  registry.requests.set(request.id, request);
  return { isCreated: true, request };
}

export function pushRequestById(registry: PushRegistry, id: string, now: number): PushRequest | undefined {
  expireOld(registry, now);
  return registry.requests.get(id);
}

export function pendingPushRequests(registry: PushRegistry, userId: string, now: number): PushRequest[] {
  expireOld(registry, now);
  return [...registry.requests.values()]
    .filter((r) => r.userId === userId && (r.status === 'pending' || r.status === 'awaitingUnlock'))
    .sort((a, b) => b.createdAt - a.createdAt);
}

export type PushAnswer = 'approve' | 'deny' | 'report';

/** The user's answer in the app. Approve needs the number; a wrong number ends the request. */
export function answerPushRequest(
  registry: PushRegistry,
  id: string,
  answer: PushAnswer,
  number: number | undefined,
  now: number,
): PushRequest | undefined {
  const request = pushRequestById(registry, id, now);
  if (!request || request.status !== 'pending') return request;
  if (answer === 'deny') request.status = 'denied';
  else if (answer === 'report') request.status = 'reported';
  else request.status = number === request.number ? 'awaitingUnlock' : 'numberMismatch';
  return request;
}

/** The PIN or biometric step after the number. */
export function unlockPushRequest(registry: PushRegistry, id: string, now: number): PushRequest | undefined {
  const request = pushRequestById(registry, id, now);
  if (request?.status === 'awaitingUnlock') request.status = 'approved';
  return request;
}

export function clearPushRegistry(registry: PushRegistry): void {
  registry.requests.clear();
  registry.blockedUntil.clear();
}
