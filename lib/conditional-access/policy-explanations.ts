// One sentence per condition a policy configures, built once at compile time so What-If can name the first unmet
// condition without building strings per call (the portal's What If shows the same: which condition excluded it).
// Each sentence is kept as its English form and as a code with parameters (engine-text.ts) the pages translate.
import { analysisReasons, type AnalysisReason } from './analysis-reason';
import type { CompiledPolicy, Explained, PolicyExplanations } from './compiled-model';
import { engineText, joined, sentence, type EngineTextParam } from './engine-text';
import { statusExplanationText } from './policy-applicability';

export type { Explained, PolicyExplanations } from './compiled-model';

type Names = { location(id: string): string; application(id: string): string };

const list = (values: Iterable<EngineTextParam>): EngineTextParam => joined('comma', [...values]);

/** `key` when nothing is excluded, `keyExcluding` otherwise. */
function includeExclude(key: string, include: EngineTextParam[], exclude: EngineTextParam[]): Explained {
  return exclude.length > 0
    ? sentence(`${key}Excluding`, { include: list(include), exclude: list(exclude) })
    : sentence(key, { include: list(include) });
}

export function buildPolicyExplanations(policy: CompiledPolicy, names: Names): PolicyExplanations {
  const byReason = new Map<AnalysisReason, Explained>();
  const apps = policy.applications;
  const locationName = (id: string): EngineTextParam =>
    id === 'All'
      ? engineText('word.anyLocation')
      : id === 'AllTrusted'
        ? engineText('word.allTrustedLocations')
        : names.location(id);
  byReason.set(
    'application',
    apps.hasApplicationTargets
      ? includeExclude(
          'explanation.applicationNotTargeted',
          [...apps.include].map((id) => (id === 'All' ? engineText('word.allResources') : names.application(id))),
          [...apps.exclude].map(names.application),
        )
      : sentence('explanation.targetsNoApplications'),
  );
  byReason.set(
    'userActions',
    apps.userActions.size > 0
      ? sentence('explanation.userActionsOnly', { actions: list(apps.userActions) })
      : sentence('explanation.noUserActions'),
  );
  byReason.set(
    'authenticationContext',
    apps.authenticationContexts.size > 0
      ? sentence('explanation.authenticationContextsOnly', { contexts: list(apps.authenticationContexts) })
      : sentence('explanation.noAuthenticationContexts'),
  );
  if (policy.locations) {
    byReason.set(
      'location',
      includeExclude(
        'explanation.location',
        policy.locations.include.map(locationName),
        policy.locations.exclude.map(locationName),
      ),
    );
  }
  if (policy.platforms) {
    byReason.set(
      'devicePlatform',
      includeExclude('explanation.devicePlatform', [...policy.platforms.include], [...policy.platforms.exclude]),
    );
  }
  if (policy.clientAppTypes)
    byReason.set('clientApps', sentence('explanation.clientApps', { types: list(policy.clientAppTypes) }));
  if (policy.signInRiskLevels)
    byReason.set('signInRisk', sentence('explanation.signInRisk', { levels: list(policy.signInRiskLevels) }));
  if (policy.servicePrincipalRiskLevels && !policy.signInRiskLevels)
    byReason.set(
      'signInRisk',
      sentence('explanation.servicePrincipalRisk', { levels: list(policy.servicePrincipalRiskLevels) }),
    );
  if (policy.userRiskLevels)
    byReason.set('userRisk', sentence('explanation.userRisk', { levels: list(policy.userRiskLevels) }));
  if (policy.insiderRiskLevels)
    byReason.set('insiderRisk', sentence('explanation.insiderRisk', { levels: list(policy.insiderRiskLevels) }));
  if (policy.deviceFilter) {
    byReason.set(
      'devices',
      sentence(
        policy.deviceFilter.mode === 'include' ? 'explanation.deviceIncludeFilter' : 'explanation.deviceExcludeFilter',
        { rule: policy.deviceFilter.text },
      ),
    );
  } else if (policy.excludedDeviceStates)
    byReason.set(
      'devices',
      sentence('explanation.excludedDeviceStates', { states: list(policy.excludedDeviceStates) }),
    );
  if (policy.transferMethods)
    byReason.set(
      'authenticationFlow',
      sentence('explanation.authenticationFlow', { flows: list(policy.transferMethods) }),
    );
  byReason.set('workloadIdentities', sentence('explanation.workloadIdentities'));
  const isReportOnly = policy.state === 'enabledForReportingButNotEnforced';
  const unevaluated = policy.unevaluatedConditions;
  return {
    // A condition the engine does not evaluate (e.g. `times`) is named, never silently read as matching.
    applies:
      unevaluated.length > 0
        ? sentence(
            isReportOnly ? 'explanation.appliesNotFullyEvaluatedReportOnly' : 'explanation.appliesNotFullyEvaluated',
            {
              conditions: list(unevaluated),
            },
          )
        : isReportOnly
          ? sentence('explanation.appliesReportOnly')
          : sentence('explanation.applies'),
    usersNotIncluded: policy.targetsAgentIdentitiesOnly
      ? sentence('explanation.agentIdentitiesOnly')
      : sentence('explanation.usersNotIncluded'),
    usersExcluded: sentence('explanation.usersExcluded'),
    byReason,
    // Rendered once: What-If asked for it per policy and request (a tenth of a 500-policy What-If, profiled).
    status: statusExplanationText(policy),
  };
}

/** The reason of the lowest set bit: Graph's order puts users first, then the resource, then the conditions. */
export function firstReasonOf(mask: number): AnalysisReason | undefined {
  return analysisReasons[31 - Math.clz32(mask & -mask)];
}
