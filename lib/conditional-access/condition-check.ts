// A Conditional Access condition as a named check, after oidc-provider's Check(reason, description, fn): a machine
// reason from Graph's whatIfAnalysisReasons, a description, a predicate, and a human sentence when it fails.
import { reasonBit, type AnalysisReason } from './analysis-reason';
import type { ConditionCheck } from './compiled-model';

export function defineCheck(
  reason: AnalysisReason,
  description: string,
  isMet: ConditionCheck['isMet'],
  explain: ConditionCheck['explain'],
  options: { isUserIndependent?: boolean; signInKey?: ConditionCheck['signInKey'] } = {},
): ConditionCheck {
  return {
    reason,
    bit: reasonBit(reason),
    description,
    isMet,
    explain,
    isUserIndependent: options.isUserIndependent ?? true,
    signInKey: options.signInKey ?? null,
  };
}
