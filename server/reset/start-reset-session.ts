import 'server-only';
// Step 1 of a reset or unlock: the user says who they are. The answer, its timing and its cookies are the
// same whether or not the account exists or can reset (OWASP Forgot Password Cheat Sheet; ASVS5 6.3.8):
// the request path does the same work for every username (rate-limit checks, one insert) and the Graph
// lookup runs in the background. Nothing changes on the account (no lockout from reset requests).
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import type { ResetPurpose } from '../../lib/reset/identity-services';
import { expiryFor } from '../../lib/reset/reset-session-state';
import { safeReturnUrl } from '../../lib/reset/safe-return-url';
import { outboxJob, runCommittedJob, writeOutboxJobs } from '../jobs/outbox';
import { consumeStartAttempt } from './reset-attempt-limits';
import { auditReset } from './reset-audit';
import type { RequestOrigin, ResetDependencies } from './reset-dependencies';
import { newSessionToken, sessionIdFor, resetSessionReference } from './reset-secrets';
import { resolveAccount } from './reset-session-store';
import { parseStoredValue } from '../database/stored-json';

// UPN or email: Entra UPNs are at most 113 characters before the domain, 256 overall.
export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'Enter your username, for example name@contoso.com.')
  .max(256, 'That username is too long.')
  .regex(/^[^\s@]+@[^\s@]+$/, 'Enter your username in the form name@domain, for example name@contoso.com.')
  .transform((value) => value.toLowerCase());

export async function startResetSession(
  deps: ResetDependencies,
  input: { purpose: ResetPurpose; username: string; origin: RequestOrigin; returnUrl?: string },
): Promise<{ token: string }> {
  const username = usernameSchema.parse(input.username);
  const limit = await consumeStartAttempt(deps, username, input.origin);
  if (!limit.allowed) {
    throw new AppError('RATE_LIMITED', 'Too many attempts. Wait a few minutes and try again.', {
      retryAfterSeconds: limit.retryAfterSeconds,
    });
  }
  const token = newSessionToken();
  const id = sessionIdFor(deps.settings.secret, token);
  const now = deps.now();
  // No open redirects: only a URL on the allow list is kept (ASVS5 3.7.2).
  const returnUrl =
    safeReturnUrl(input.returnUrl, deps.settings.appOrigin, deps.settings.returnUrlAllowList, '') || null;
  // The account lookup and `reset.started` are an outbox job in the session's own transaction
  // (server/jobs/outbox.ts): a process that dies after this response still records the start.
  const job = outboxJob({
    name: startedJob,
    key: `resetStarted:${id}`,
    payload: {
      sessionId: id,
      // The attempt's stable reference for the audit entry: the row's id changes when the token is renewed.
      sessionReference: resetSessionReference({ purpose: input.purpose, username, createdAt: now }),
      username,
      purpose: input.purpose,
      origin: input.origin,
    },
    now,
  });
  // A burst waits for a connection (up to 10 s) rather than failing the start (issue 12, finding 4).
  await deps.db.$transaction(
    async (tx) => {
      await tx.resetSession.create({
        data: {
          id,
          purpose: input.purpose,
          username,
          createdAt: now,
          expiresAt: expiryFor(now, deps.settings.sessionLimits),
          returnUrl,
        },
      });
      await writeOutboxJobs(deps, [job], tx);
    },
    { maxWait: 10_000 },
  );
  deps.inBackground(() => runCommittedJob(deps, job, { [startedJob]: resetStartedHandler(deps) }));
  return { token };
}

export const startedJob = 'reset.started';

const startedPayload = z.object({
  sessionId: z.string(),
  sessionReference: z.string().optional(),
  username: z.string(),
  purpose: z.enum(['reset', 'unlock']),
  origin: z.object({ ip: z.string().nullable(), userAgent: z.string().nullable() }),
});

/** The outbox handler: resolves the account off the request path and records `reset.started`. */
export function resetStartedHandler(deps: ResetDependencies) {
  return async (raw: Record<string, unknown>): Promise<void> => {
    const payload = parseStoredValue(startedPayload, raw, `OutboxJob ${startedJob}`);
    const { userId } = await resolveAccount(deps, payload.sessionId, payload.username);
    // The stable reference of the attempt (resetSessionReference), not the id, which follows renewed tokens. A
    // session renewed before this job ran resolves its account on demand (ensureAccountResolved).
    const row = payload.sessionReference
      ? null
      : await deps.db.resetSession.findUnique({ where: { id: payload.sessionId } });
    await auditReset(deps, {
      action: 'reset.started',
      outcome: 'info',
      subjectId: userId,
      purpose: payload.purpose,
      sessionId: payload.sessionReference ?? (row ? resetSessionReference(row) : payload.sessionId),
      origin: payload.origin,
      ...(userId ? {} : { reason: 'unknownAccount' }),
    });
  };
}
