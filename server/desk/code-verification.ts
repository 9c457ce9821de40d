import 'server-only';
// Read-back code verification: the desk sends a code to the mobile number or alternate email of record
// (never to a number or address the caller gives), the caller reads it back. Only where the policy
// allows it, worth less than a push, and never enough alone for privileged users or MFA changes
// (lib/desk/decide-desk-action.ts).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import { agentRoles, assertDeskRole, type DeskActor } from './desk-actor';
import { auditDesk } from './desk-audit';
import type { DeskDependencies } from './desk-dependencies';
import { assertCaseOpen, consumeDeskLimits } from './start-push-verification';
import { hashVerificationCode, isVerificationCodeCorrect, newVerificationCode } from './verification-codes';

export const sendCodeSchema = z.object({ caseId: z.uuid(), method: z.enum(['smsCode', 'emailCode']) });
export const checkCodeSchema = z.object({
  caseId: z.uuid(),
  verificationId: z.uuid(),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'The code has 6 digits.'),
});

export async function sendVerificationCode(
  deps: DeskDependencies,
  actor: DeskActor,
  input: unknown,
): Promise<{ verificationId: string; sentTo: 'mobilePhone' | 'alternateEmail' }> {
  assertDeskRole(actor, agentRoles);
  const { caseId, method } = sendCodeSchema.parse(input);
  const { row } = await assertCaseOpen(deps, actor, caseId);
  if (!deps.settings.enabledMethods.includes(method))
    throw new AppError('FORBIDDEN', 'This verification method is not enabled for the desk.');
  const user = await deps.directory.getUser(row.targetId);
  const destination = method === 'smsCode' ? user.mobilePhone : (user.otherMails[0] ?? null);
  if (!destination)
    throw new AppError(
      'CONFLICT',
      method === 'smsCode' ? 'No mobile number on record.' : 'No alternate email on record.',
    );
  await consumeDeskLimits(deps, 'code', actor.oid, row.targetId);
  const now = deps.now();
  const verificationId = randomUUID();
  const code = newVerificationCode(deps.policy.code.digits);
  // A new code replaces an earlier pending one of the same kind in this case.
  await deps.db.deskVerification.updateMany({
    where: { caseId, method, status: 'pending' },
    data: { status: 'failed', detail: 'replaced', completedAt: now },
  });
  await deps.db.deskVerification.create({
    data: {
      id: verificationId,
      caseId,
      method,
      status: 'pending',
      detail: 'pending',
      codeHash: hashVerificationCode(deps.settings.codeHashKey, verificationId, code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + deps.policy.code.lifetimeMinutes * 60_000),
    },
  });
  const text = `Your service desk verification code is ${code}. Read it to the agent only if you are on a call with your service desk. It expires in ${deps.policy.code.lifetimeMinutes} minutes.`;
  if (method === 'smsCode') await deps.messenger.sendSms({ to: destination, body: text });
  else await deps.messenger.sendEmail({ to: destination, subject: 'Your service desk verification code', text });
  await auditDesk(deps, actor, {
    action: 'desk.verification.codeSent',
    outcome: 'info',
    subjectId: row.targetId,
    details: { caseId, verificationId, method },
  });
  return { verificationId, sentTo: method === 'smsCode' ? 'mobilePhone' : 'alternateEmail' };
}

export async function checkVerificationCode(
  deps: DeskDependencies,
  actor: DeskActor,
  input: unknown,
): Promise<{ isVerified: boolean; attemptsLeft: number }> {
  assertDeskRole(actor, agentRoles);
  const { caseId, verificationId, code } = checkCodeSchema.parse(input);
  const { row } = await assertCaseOpen(deps, actor, caseId);
  const verification = row.verifications.find((v) => v.id === verificationId);
  if (!verification || !verification.codeHash) throw new AppError('NOT_FOUND', 'No such code in this case.');
  const now = deps.now();
  if (verification.status !== 'pending')
    throw new AppError('CONFLICT', 'This code was already used or has failed. Send a new one.');
  if (verification.expiresAt <= now) {
    await deps.db.deskVerification.updateMany({
      where: { id: verificationId, status: 'pending' },
      data: { status: 'failed', detail: 'expired', completedAt: now },
    });
    throw new AppError('EXPIRED', 'This code has expired. Send a new one.');
  }
  // Count the attempt first, atomically, so parallel guesses cannot exceed the limit (ASVS5 6.6.3).
  const counted = await deps.db.deskVerification.updateMany({
    where: { id: verificationId, status: 'pending', attempts: { lt: deps.policy.code.maxAttempts } },
    data: { attempts: { increment: 1 } },
  });
  if (counted.count !== 1) throw new AppError('CONFLICT', 'Too many wrong codes. Send a new one.');
  const attempts = verification.attempts + 1;
  const isCorrect = isVerificationCodeCorrect(deps.settings.codeHashKey, verificationId, code, verification.codeHash);
  const details = { caseId, verificationId, method: verification.method, attempt: attempts };
  if (isCorrect) {
    const moved = await deps.db.deskVerification.updateMany({
      where: { id: verificationId, status: 'pending' },
      data: { status: 'verified', detail: 'approved', completedAt: now },
    });
    if (moved.count !== 1) throw new AppError('CONFLICT', 'This code was already used.');
    await auditDesk(deps, actor, {
      action: 'desk.verification.result',
      outcome: 'success',
      subjectId: row.targetId,
      details: { ...details, result: 'codeAccepted' },
    });
    return { isVerified: true, attemptsLeft: 0 };
  }
  const isLast = attempts >= deps.policy.code.maxAttempts;
  if (isLast)
    await deps.db.deskVerification.updateMany({
      where: { id: verificationId, status: 'pending' },
      data: { status: 'failed', detail: 'tooManyAttempts', completedAt: now },
    });
  await auditDesk(deps, actor, {
    action: 'desk.verification.result',
    outcome: 'failure',
    subjectId: row.targetId,
    details: { ...details, result: isLast ? 'tooManyAttempts' : 'wrongCode' },
  });
  return { isVerified: false, attemptsLeft: deps.policy.code.maxAttempts - attempts };
}
