import 'server-only';
// Spending the self-service limits of server/reset/reset-limit-settings.ts. The requester's own budgets (per
// client, per (account, client), per session) are spent first; the per-account ceiling only when they allow,
// so an attacker who has run out of their own budget stops spending the user's (issue 11, finding 7).
import { rateLimitClientOf } from '../../lib/http/rate-limit-client';
import type { Limiter, RequestOrigin, ResetDependencies } from './reset-dependencies';

export type LimitDecision = { allowed: boolean; retryAfterSeconds: number };

const allowed: LimitDecision = { allowed: true, retryAfterSeconds: 0 };

// Without a client address (see TRUSTED_PROXY_HOPS and lib/http/client-address.ts) every requester would share
// one per-IP bucket and a few users could lock everyone out; the per-account limits still apply then, and all
// requesters without an address share one (account, client) bucket.
export async function consumePerClient(limiter: Limiter, origin: RequestOrigin): Promise<LimitDecision> {
  const client = rateLimitClientOf(origin.ip);
  return client ? limiter.consume(client) : allowed;
}

function accountAndClientKey(username: string, origin: RequestOrigin): string {
  return `${username}\u0000${rateLimitClientOf(origin.ip) ?? 'no-client-address'}`;
}

async function withCeiling(own: Promise<LimitDecision>[], ceiling: () => Promise<LimitDecision>) {
  const decisions = await Promise.all(own);
  const refused = decisions.filter((decision) => !decision.allowed);
  if (refused.length > 0)
    return { allowed: false, retryAfterSeconds: Math.max(...refused.map((d) => d.retryAfterSeconds)) };
  return ceiling();
}

/** Starting a reset or an Entra round trip for `username` (ASVS5 6.3.1). */
export async function consumeStartAttempt(
  deps: Pick<ResetDependencies, 'limiters'>,
  username: string,
  origin: RequestOrigin,
): Promise<LimitDecision> {
  const { startPerIp, startPerAccountAndClient, startPerAccount } = deps.limiters;
  return withCeiling(
    [consumePerClient(startPerIp, origin), startPerAccountAndClient.consume(accountAndClientKey(username, origin))],
    () => startPerAccount.consume(username),
  );
}

/** Checking a code in the session `sessionReference` (stable across token renewals) of `username` (ASVS5 6.6.3). */
export async function consumeCodeCheck(
  deps: Pick<ResetDependencies, 'limiters'>,
  session: { username: string; sessionReference: string },
  origin: RequestOrigin,
): Promise<LimitDecision> {
  const { verifyPerSession, verifyPerAccountAndClient, verifyPerAccount } = deps.limiters;
  return withCeiling(
    [
      verifyPerSession.consume(session.sessionReference),
      verifyPerAccountAndClient.consume(accountAndClientKey(session.username, origin)),
    ],
    () => verifyPerAccount.consume(session.username),
  );
}
