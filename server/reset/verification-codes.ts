import 'server-only';
// SMS and email codes (ASVS5 6.5.1-6.5.5, 6.6.3; NIST SP 800-63B 5.1.3.2): 8 digits from the CSPRNG,
// stored as a keyed hash, bound to the reset session and the service, single use, 10 minutes by default,
// at most 5 tries each; a new code replaces the previous one. Sending answers the same whether or not a
// phone or mailbox is on record ("if a number is on record, a code was sent"), and delivery happens off
// the request path so its timing says nothing either.
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import type { Locale } from '../../lib/i18n/pick-locale';
import { consumeCodeCheck, consumePerClient } from './reset-attempt-limits';
import { auditReset } from './reset-audit';
import type { RequestOrigin, ResetDependencies } from './reset-dependencies';
import { codeMessage } from './reset-notifications';
import { hashesMatch, keyedHash, newNumericCode, resetSessionReference } from './reset-secrets';
import { openSealedSecret, sealSecret } from '../account/sealed-secret';
import { outboxJob, runCommittedJob, writeOutboxJobs } from '../jobs/outbox';
import {
  describeSession,
  ensureAccountResolved,
  loadActiveResetSession,
  type LoadedResetSession,
} from './reset-session-store';
import { parseStoredValue } from '../database/stored-json';
import { recordVerificationFailure, recordVerificationSuccess } from './verification-attempt';

export const codeServiceSchema = z.enum(['sms', 'email']);
export type CodeService = z.infer<typeof codeServiceSchema>;
export const codeInputSchema = z
  .string()
  .trim()
  .regex(/^\d{6,8}$/, 'Enter the code as digits only.');

export async function assertServiceEnabled(deps: Pick<ResetDependencies, 'settings'>, service: string): Promise<void> {
  if (!deps.settings.starPolicy.enabledServices.some((enabled) => enabled === service))
    throw new AppError('FORBIDDEN', 'This identity service is not enabled.');
}

export async function sendVerificationCode(
  deps: ResetDependencies,
  input: { token: string | undefined; service: CodeService; locale: Locale; origin: RequestOrigin },
): Promise<void> {
  const session = await loadActiveResetSession(deps, input.token);
  await assertServiceEnabled(deps, input.service);
  const [perIp, perAccount] = await Promise.all([
    consumePerClient(deps.limiters.sendPerIp, input.origin),
    deps.limiters.sendPerAccount.consume(session.row.username),
  ]);
  if (!perIp.allowed || !perAccount.allowed)
    throw new AppError('RATE_LIMITED', 'Too many codes were requested. Wait a few minutes and try again.');
  const code = newNumericCode();
  const now = deps.now();
  const id = crypto.randomUUID();
  // The delivery is an outbox job in the same transaction (server/jobs/outbox.ts): a process that dies after
  // this response still gets the code delivered, by the next sweep. The code is sealed, never stored in clear.
  const job = outboxJob({
    name: deliverCodeJob,
    key: `deliverCode:${id}`,
    payload: {
      // The challenge, not the session row: the row's id changes with every renewed token (ASVS5 7.2.4), while
      // the challenge keeps its id and follows the row (ON UPDATE CASCADE), so a delivery queued before a
      // renewal still finds its session.
      challengeId: id,
      service: input.service,
      sealedCode: sealSecret(deps.settings.secret, code),
      locale: input.locale,
      origin: { ip: input.origin.ip, userAgent: input.origin.userAgent },
    },
    now,
  });
  await deps.db.$transaction(async (tx) => {
    await tx.verificationChallenge.updateMany({
      where: { resetSessionId: session.row.id, service: input.service, consumedAt: null },
      data: { consumedAt: now },
    });
    await tx.verificationChallenge.create({
      data: {
        id,
        resetSessionId: session.row.id,
        service: input.service,
        codeHash: keyedHash(deps.settings.secret, `code:${id}`, code),
        createdAt: now,
        expiresAt: new Date(now.getTime() + deps.settings.codeLifetimeSeconds * 1000),
      },
    });
    await writeOutboxJobs(deps, [job], tx);
  });
  deps.inBackground(() => runCommittedJob(deps, job, { [deliverCodeJob]: deliverCodeHandler(deps) }));
}

export const deliverCodeJob = 'reset.deliverCode';

const deliverCodePayload = z.object({
  challengeId: z.string().optional(),
  /** Jobs queued before challengeId was added name the session row itself. */
  sessionId: z.string().optional(),
  service: codeServiceSchema,
  sealedCode: z.string(),
  locale: z.enum(['en', 'fr']),
  origin: z.object({ ip: z.string().nullable(), userAgent: z.string().nullable() }),
});

/** The outbox handler: delivers a sealed code for its session (the session row decides the account). */
export function deliverCodeHandler(deps: ResetDependencies) {
  return async (raw: Record<string, unknown>): Promise<void> => {
    const payload = parseStoredValue(deliverCodePayload, raw, `OutboxJob ${deliverCodeJob}`);
    const row = payload.challengeId
      ? (
          await deps.db.verificationChallenge.findUnique({
            where: { id: payload.challengeId },
            include: { resetSession: true },
          })
        )?.resetSession
      : payload.sessionId
        ? await deps.db.resetSession.findUnique({ where: { id: payload.sessionId } })
        : null;
    if (!row) return;
    const code = openSealedSecret(deps.settings.secret, payload.sealedCode);
    await deliverCode(deps, describeSession(deps, row), payload.service, code, payload.locale, payload.origin);
  };
}

async function deliverCode(
  deps: ResetDependencies,
  loaded: LoadedResetSession,
  service: CodeService,
  code: string,
  locale: Locale,
  origin: RequestOrigin,
): Promise<void> {
  const session = await ensureAccountResolved(deps, loaded);
  const userId = session.row.userId;
  const user = userId ? await deps.directory.getUser(userId) : null;
  const destination = service === 'sms' ? user?.mobilePhone : user?.alternateEmail;
  if (destination) {
    const message = codeMessage(locale, code, Math.round(deps.settings.codeLifetimeSeconds / 60));
    if (service === 'sms') await deps.sendSms({ to: destination, body: message.text });
    else await deps.sendEmail({ to: destination, subject: message.subject, text: message.text });
  }
  await auditReset(deps, {
    action: 'reset.codeSent',
    outcome: destination ? 'info' : 'denied',
    subjectId: userId,
    purpose: session.purpose,
    sessionId: resetSessionReference(session.row),
    service,
    origin,
    ...(destination ? {} : { reason: 'noChannelOfRecord' }),
  });
}

export type CodeCheckFailure = 'wrongCode' | 'expiredCode' | 'tooManyTries';

/** Verifies a code; on success the service counts for this session. Throws AppError with `reason`. */
export async function checkVerificationCode(
  deps: ResetDependencies,
  input: { token: string | undefined; service: CodeService; code: string; origin: RequestOrigin },
): Promise<LoadedResetSession> {
  const session = await loadActiveResetSession(deps, input.token);
  await assertServiceEnabled(deps, input.service);
  const code = codeInputSchema.parse(input.code);
  const now = deps.now();
  const attempt = { session, service: input.service, origin: input.origin };
  const fail = async (
    reason: CodeCheckFailure,
    message: string,
    code: 'INVALID_INPUT' | 'EXPIRED' | 'RATE_LIMITED',
  ) => {
    await recordVerificationFailure(deps, attempt, reason);
    return new AppError(code, message, { reason });
  };
  // Already verified in this session (a double click, a browser retry, a replayed form): the code stays single
  // use, but there is nothing left to prove or guess, so it is not a failure that could end the session
  // (issue 11, finding 7).
  if (session.snapshot.verified.includes(input.service))
    throw new AppError('EXPIRED', 'This code was already used: this service is verified.', { reason: 'expiredCode' });
  const sessionReference = resetSessionReference(session.row);
  const limit = await consumeCodeCheck(deps, { username: session.row.username, sessionReference }, input.origin);
  if (!limit.allowed)
    throw await fail('tooManyTries', 'Too many wrong codes. Wait a few minutes and try again.', 'RATE_LIMITED');
  const challenge = await deps.db.verificationChallenge.findFirst({
    where: { resetSessionId: session.row.id, service: input.service, consumedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: 'desc' },
  });
  if (!challenge?.codeHash)
    throw await fail('expiredCode', 'This code has expired or was already used. Ask for a new code.', 'EXPIRED');
  // One try is spent before comparing, atomically, so parallel guesses cannot exceed the limit.
  const spent = await deps.db.verificationChallenge.updateMany({
    where: { id: challenge.id, consumedAt: null, attempts: { lt: deps.settings.maxCodeAttempts } },
    data: { attempts: { increment: 1 } },
  });
  if (spent.count === 0)
    throw await fail('tooManyTries', 'Too many wrong tries for this code. Ask for a new code.', 'RATE_LIMITED');
  if (!hashesMatch(keyedHash(deps.settings.secret, `code:${challenge.id}`, code), challenge.codeHash)) {
    throw await fail('wrongCode', 'That code is not right. Check it and try again.', 'INVALID_INPUT');
  }
  // A code for an account that does not exist was never sent; it can never count (belt and braces).
  const resolved = await ensureAccountResolved(deps, session);
  if (!resolved.row.userId)
    throw await fail('wrongCode', 'That code is not right. Check it and try again.', 'INVALID_INPUT');
  const consumed = await deps.db.verificationChallenge.updateMany({
    where: { id: challenge.id, consumedAt: null },
    data: { consumedAt: now },
  });
  if (consumed.count === 0)
    throw await fail('expiredCode', 'This code has expired or was already used. Ask for a new code.', 'EXPIRED');
  return recordVerificationSuccess(deps, attempt);
}
