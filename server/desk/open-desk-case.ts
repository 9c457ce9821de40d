import 'server-only';
// Opens a case on a user after the start checks: never the agent's own account, never a supervisor's,
// never a user blocked after a denied or reported push. Privilege is looked up now, from the directory,
// not taken from the browser.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { decideCaseStart } from '../../lib/desk/decide-case-start';
import { deskAuthorityOf, withOnPremisesPrivilege } from '../hybrid/desk-on-premises';
import { targetPrivilege } from '../../lib/desk/target-privilege';
import { agentRoles, assertDeskRole, type DeskActor } from './desk-actor';
import { auditDesk } from './desk-audit';
import type { DeskDependencies } from './desk-dependencies';
import { deskRefusalError } from './desk-refusal-error';

export const openCaseSchema = z.object({ userId: z.string().trim().min(1).max(200) });

export async function openDeskCase(
  deps: DeskDependencies,
  actor: DeskActor,
  input: unknown,
): Promise<{ caseId: string }> {
  assertDeskRole(actor, agentRoles);
  const { userId } = openCaseSchema.parse(input);
  const [user, memberOf] = await Promise.all([
    deps.directory.getUser(userId),
    deps.directory.listTransitiveMemberOf(userId),
  ]);
  const now = deps.now();
  const privilege = withOnPremisesPrivilege(
    targetPrivilege(memberOf, deps.settings),
    await deskAuthorityOf(deps.onPremises, user, now),
  );
  const block = await deps.db.deskTargetBlock.findUnique({ where: { targetId: user.id } });
  const decision = decideCaseStart({
    agentId: actor.oid,
    targetId: user.id,
    isTargetSupervisor: privilege.isSupervisor,
    targetBlockedUntil: block?.blockedUntil ?? null,
    now,
  });
  if (!decision.isAllowed) {
    await auditDesk(deps, actor, {
      action: 'desk.case.refused',
      outcome: 'denied',
      subjectId: user.id,
      details: { refusal: decision.refusal },
    });
    throw deskRefusalError(decision.refusal);
  }
  const caseId = randomUUID();
  await deps.db.deskCase.create({
    data: {
      id: caseId,
      agentId: actor.oid,
      agentName: actor.name,
      targetId: user.id,
      targetUpn: user.userPrincipalName,
      targetDisplayName: user.displayName,
      isTargetPrivileged: privilege.isPrivileged,
      isTargetSupervisor: privilege.isSupervisor,
      createdAt: now,
    },
  });
  await auditDesk(deps, actor, {
    action: 'desk.case.opened',
    outcome: 'info',
    subjectId: user.id,
    details: { caseId, isPrivileged: privilege.isPrivileged },
  });
  return { caseId };
}
