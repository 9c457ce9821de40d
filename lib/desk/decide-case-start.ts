// Whether an agent may open a case on a user at all. An agent never acts on their own account or on a
// supervisor's (segregation of duties, ASVS5 8.2.x; the desk must not be a way around the supervisors'
// own controls), and a user who denied or reported a desk push is blocked for a while (issue 5, §7).
export type CaseStartRefusal = 'ownAccount' | 'supervisorAccount' | 'targetBlocked';

export type CaseStartDecision =
  { isAllowed: true } | { isAllowed: false; refusal: CaseStartRefusal; blockedUntil?: Date };

export function decideCaseStart(input: {
  agentId: string;
  targetId: string;
  isTargetSupervisor: boolean;
  targetBlockedUntil: Date | null;
  now: Date;
}): CaseStartDecision {
  if (input.agentId.toLowerCase() === input.targetId.toLowerCase()) return { isAllowed: false, refusal: 'ownAccount' };
  if (input.isTargetSupervisor) return { isAllowed: false, refusal: 'supervisorAccount' };
  if (input.targetBlockedUntil && input.targetBlockedUntil.getTime() > input.now.getTime()) {
    return { isAllowed: false, refusal: 'targetBlocked', blockedUntil: input.targetBlockedUntil };
  }
  return { isAllowed: true };
}
