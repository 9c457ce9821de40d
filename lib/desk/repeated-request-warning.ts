// Repeated desk requests about one user are a classic sign of social engineering (ASVS5 16.2-16.3; the
// 2023 help-desk intrusions called several times until one agent gave in). The card warns when another
// case about the same user was opened within the look-back period.
export type PriorCase = { id: string; agentId: string; createdAt: Date; endedReason: string | null };

export type RepeatedRequestWarning = {
  isRepeated: boolean;
  priorCases: number;
  byOtherAgents: number;
  rejectedPushes: number;
  since: Date;
  lookBackDays: number;
};

export function repeatedRequestWarning(
  priorCases: readonly PriorCase[],
  input: { currentCaseId: string | null; agentId: string; lookBackDays: number; now: Date },
): RepeatedRequestWarning {
  const since = new Date(input.now.getTime() - input.lookBackDays * 86_400_000);
  const recent = priorCases.filter((c) => c.id !== input.currentCaseId && c.createdAt.getTime() >= since.getTime());
  return {
    isRepeated: recent.length > 0,
    priorCases: recent.length,
    byOtherAgents: recent.filter((c) => c.agentId !== input.agentId).length,
    rejectedPushes: recent.filter((c) => c.endedReason === 'pushDenied' || c.endedReason === 'pushReported').length,
    since,
    lookBackDays: input.lookBackDays,
  };
}
