// The finding shape shared by every lint pass over a policy set (issue 2, item 7): a closed set of codes the UI
// and the CLI switch on, a severity, the policies and users involved, and a recommendation.
import { english, type EngineText } from './engine-text';
import type { CompiledPolicy } from './compiled-model';

export const findingCodes = [
  'trustedNetworkMfaExemption',
  'sensitiveApplicationWithoutMfa',
  'strengthUnreachableForUsers',
  'usersWithoutMfaMethod',
  'mfaAndAuthenticationStrength',
  'invalidPolicy',
  'policyTargetsNoOne',
  'usersWithoutAnyPolicy',
  'blockWithoutEmergencyExclusion',
  'legacyAuthenticationNotBlocked',
  'unknownReference',
  'conditionNotEvaluated',
  'unsupportedNamedLocation',
  'methodRetirementLosesMfa',
  'methodRetirementKeepsMfa',
] as const;
export type FindingCode = (typeof findingCodes)[number];
export type FindingSeverity = 'high' | 'medium' | 'low' | 'info';

export type Finding = {
  id: string;
  severity: FindingSeverity;
  code: FindingCode;
  message: string;
  recommendation: string;
  /** `message` and `recommendation` as codes with parameters (engine-text.ts), for translated pages. */
  messageText: EngineText;
  recommendationText: EngineText;
  policyIds: string[];
  userIds?: string[];
  applicationIds?: string[];
  /** unknownReference: every object the policy names that the tenant document lacks. */
  references?: MissingReference[];
};

export type MissingReference = { kind: 'user' | 'group' | 'namedLocation'; id: string };

/** A finding's two sentences, in English and as codes: `{ message, messageText, recommendation, recommendationText }`. */
export function findingTexts(message: EngineText, recommendation: EngineText) {
  return {
    message: english(message),
    messageText: message,
    recommendation: english(recommendation),
    recommendationText: recommendation,
  };
}

export const isActivePolicy = (p: CompiledPolicy): boolean => p.state !== 'disabled';
export const isEnforcedPolicy = (p: CompiledPolicy): boolean => p.state === 'enabled';
