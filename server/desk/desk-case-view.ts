import 'server-only';
// The case as the console shows it: verifications with their live state, the countdown, and for each
// action whether it is allowed now and why not. Streamed to the console (server-sent events) after each
// refresh. The push number is shown only while that push is pending; no code or pass is ever included.
import { decideApprovalRequest } from '../../lib/desk/decide-approval';
import { decideDeskAction } from '../../lib/desk/decide-desk-action';
import type { DeskAction } from '../../lib/desk/desk-policy';
import type { DeskCaseView } from '../../lib/desk/desk-case-view-schema';
import { verificationWindow } from '../../lib/desk/verification-window';
import { agentRoles, assertDeskRole, type DeskActor } from './desk-actor';
import { assertCaseAgent, deskCaseFacts, loadDeskCase } from './desk-case-store';
import type { DeskDependencies } from './desk-dependencies';
import { refreshDeskCase } from './refresh-desk-case';

export type { DeskCaseView } from '../../lib/desk/desk-case-view-schema';

export async function deskCaseView(
  deps: DeskDependencies,
  actor: DeskActor,
  caseId: string,
  options: { refresh: boolean } = { refresh: true },
): Promise<DeskCaseView> {
  assertDeskRole(actor, agentRoles);
  if (options.refresh) await refreshDeskCase(deps, actor, caseId);
  const loaded = await loadDeskCase(deps.db, caseId);
  assertCaseAgent(loaded, actor.oid);
  const { row, block } = loaded;
  const facts = deskCaseFacts(loaded);
  const now = deps.now();
  const window = verificationWindow(facts, deps.policy, now);
  const actionState = (action: DeskAction) => {
    const decision = decideDeskAction(facts, action, deps.policy, now);
    return { isAllowed: decision.isAllowed, refusal: decision.isAllowed ? null : decision.refusal };
  };
  // Written out, not built from deskActions: the view's type then proves every action has a state.
  const actions: DeskCaseView['actions'] = {
    unlock: actionState('unlock'),
    sendResetLink: actionState('sendResetLink'),
    issueTemporaryAccessPass: actionState('issueTemporaryAccessPass'),
    requirePasswordChange: actionState('requirePasswordChange'),
  };
  return {
    id: row.id,
    target: {
      id: row.targetId,
      userPrincipalName: row.targetUpn,
      displayName: row.targetDisplayName,
      isPrivileged: row.isTargetPrivileged,
    },
    createdAt: row.createdAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    endedReason: row.endedReason,
    blockedUntil: block && block.blockedUntil > now ? block.blockedUntil.toISOString() : null,
    verifications: row.verifications.map((v) => ({
      id: v.id,
      method: v.method,
      status: v.status,
      detail: v.detail,
      number: v.status === 'pending' ? v.displayNumber : null,
      createdAt: v.createdAt.toISOString(),
      completedAt: v.completedAt?.toISOString() ?? null,
      expiresAt: v.expiresAt.toISOString(),
    })),
    window: {
      state: window.state,
      closesAt: window.state === 'notStarted' ? null : window.closesAt.toISOString(),
      secondsLeft: window.state === 'open' ? window.secondsLeft : 0,
    },
    actions,
    approval: {
      requestedAt: row.approvalRequestedAt?.toISOString() ?? null,
      approvedByName: row.approvedByName,
      approvedAt: row.approvedAt?.toISOString() ?? null,
      canRequest: !row.approvalRequestedAt && decideApprovalRequest(facts, deps.policy, now).isAllowed,
    },
    serverTime: now.toISOString(),
  };
}
