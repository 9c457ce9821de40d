// A Conditional Access condition as a named check, after oidc-provider's Check(reason, description, fn): a machine
// reason from Graph's whatIfAnalysisReasons, a description, a predicate, and a human sentence when it fails.
import { reasonBit, type AnalysisReason } from './analysis-reason';
import type { CompiledPolicy } from './compile-policy';
import type { CompiledTenant } from './compile-tenant';
import type { CompiledSignIn } from './sign-in-context';

export type CheckInput = {
  tenant: CompiledTenant;
  policy: CompiledPolicy;
  signIn: CompiledSignIn;
  /** -1 for a service principal sign-in. */
  userIndex: number;
};

export type ConditionCheck = {
  reason: AnalysisReason;
  /** reasonBit(reason), stored so the hot loop needs no lookup. */
  bit: number;
  description: string;
  /** False when the check reads the user: such checks run per user, the others once per request. */
  isUserIndependent: boolean;
  isMet(input: CheckInput): boolean;
  /** One sentence saying why the condition is not met. */
  explain(input: CheckInput): string;
};

export function defineCheck(
  reason: AnalysisReason,
  description: string,
  isMet: ConditionCheck['isMet'],
  explain: ConditionCheck['explain'],
  options: { isUserIndependent?: boolean } = {},
): ConditionCheck {
  return {
    reason,
    bit: reasonBit(reason),
    description,
    isMet,
    explain,
    isUserIndependent: options.isUserIndependent ?? true,
  };
}
