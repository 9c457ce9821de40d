// Graph's whatIfAnalysisReasons flag names (Graph: whatifanalysisresult). The closed union the UI, the CLI and
// tests switch on; `notSet` means the policy applies.
export const analysisReasons = [
  'notSet',
  'policyNotEnabled',
  'emptyPolicy',
  'invalidPolicy',
  'notEnoughInformation',
  'invalidCondition',
  'users',
  'workloadIdentities',
  'application',
  'userActions',
  'authenticationContext',
  'devicePlatform',
  'location',
  'clientApps',
  'signInRisk',
  'userRisk',
  'insiderRisk',
  'devices',
  'authenticationFlow',
] as const;

export type AnalysisReason = (typeof analysisReasons)[number];

/** Bit per reason, so a policy's unmet conditions are one integer and the output order is fixed. */
export function reasonBit(reason: AnalysisReason): number {
  return 1 << analysisReasons.indexOf(reason);
}

export function reasonsOf(mask: number): AnalysisReason[] {
  return analysisReasons.filter((reason) => (mask & reasonBit(reason)) !== 0);
}

const joinedCache = new Map<number, string>();
/** Graph's comma-separated form ("notSet" for 0), memoised: there are few distinct masks. */
export function formatAnalysisReasons(mask: number): string {
  if (mask === 0) return 'notSet';
  let text = joinedCache.get(mask);
  if (text === undefined) {
    text = reasonsOf(mask).join(',');
    joinedCache.set(mask, text);
  }
  return text;
}
