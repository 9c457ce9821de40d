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
