import 'server-only';
// Sends an Authenticator push with number matching to the target's registered app. The console shows
// the number; the agent reads it to the caller, who types it in the app and unlocks with PIN or
// biometric (how-to-mfa-number-match). Rate-limited per agent and per target, on top of the channel's
// own limit, so the desk cannot be used for push bombing (ASVS5 6.6.4).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import { decideCaseStart } from '../../lib/desk/decide-case-start';
import { agentRoles, assertDeskRole, type DeskActor } from './desk-actor';
import { auditDesk } from './desk-audit';
import { assertCaseAgent, deskCaseFacts, loadDeskCase } from './desk-case-store';
import type { DeskDependencies } from './desk-dependencies';
import { deskRefusalError } from './desk-refusal-error';
import { hasAuthenticatorApp } from './load-user-card';

export const caseIdSchema = z.object({ caseId: z.uuid() });

export async function assertCaseOpen(deps: DeskDependencies, actor: DeskActor, caseId: string) {
  const loaded = await loadDeskCase(deps.db, caseId);
  assertCaseAgent(loaded, actor.oid);
  const facts = deskCaseFacts(loaded);
  const start = decideCaseStart({
    agentId: facts.agentId,
    targetId: facts.targetId,
    isTargetSupervisor: facts.isTargetSupervisor,
    targetBlockedUntil: facts.targetBlockedUntil,
    now: deps.now(),
  });
  if (!start.isAllowed) throw deskRefusalError(start.refusal);
  if (facts.endedAt) throw deskRefusalError('caseEnded');
  return loaded;
}

export async function consumeDeskLimits(
  deps: DeskDependencies,
  kind: 'push' | 'code',
  agentId: string,
  targetId: string,
): Promise<void> {
  const [agent, target] = await Promise.all([
    deps.limits.consume(kind === 'push' ? 'pushPerAgent' : 'codePerAgent', agentId),
    deps.limits.consume(kind === 'push' ? 'pushPerTarget' : 'codePerTarget', targetId),
  ]);
  if (!agent.allowed || !target.allowed) {
    const seconds = Math.max(agent.retryAfterSeconds, target.retryAfterSeconds);
    throw new AppError('RATE_LIMITED', `Too many verification requests. Try again in ${seconds} s.`, {
      retryAfterSeconds: seconds,
    });
  }
}

export async function startPushVerification(
  deps: DeskDependencies,
  actor: DeskActor,
  input: unknown,
): Promise<{ verificationId: string; number: number }> {
  assertDeskRole(actor, agentRoles);
  const { caseId } = caseIdSchema.parse(input);
  const { row } = await assertCaseOpen(deps, actor, caseId);
  if (!deps.settings.enabledMethods.includes('authenticatorPush'))
    throw new AppError('FORBIDDEN', 'The Authenticator push is not enabled for the desk.');
  if (!hasAuthenticatorApp(await deps.directory.listAuthenticationMethods(row.targetId)))
    throw new AppError('CONFLICT', 'This user has no Microsoft Authenticator registered.');
  if (row.verifications.some((v) => v.method === 'authenticatorPush' && v.status === 'pending'))
    throw new AppError('CONFLICT', 'A push is already waiting for an answer.');
  await consumeDeskLimits(deps, 'push', actor.oid, row.targetId);
  const sent = await deps.pushChannel.sendPush({
    userId: row.targetId,
    appName: 'Verity service desk',
    location: `Call with ${actor.name}`,
  });
  const verificationId = randomUUID();
  const now = deps.now();
  await deps.db.deskVerification.create({
    data: {
      id: verificationId,
      caseId,
      method: 'authenticatorPush',
      status: 'pending',
      detail: 'pending',
      channelRef: sent.pushId,
      displayNumber: sent.number,
      createdAt: now,
      expiresAt: sent.expiresAt,
    },
  });
  await auditDesk(deps, actor, {
    action: 'desk.verification.pushSent',
    outcome: 'info',
    subjectId: row.targetId,
    details: { caseId, verificationId, method: 'authenticatorPush' },
  });
  return { verificationId, number: sent.number };
}
