// One sentence per condition a policy configures, built once at compile time so What-If can name the first unmet
// condition without building strings per call (the portal's What If shows the same: which condition excluded it).
import { analysisReasons, type AnalysisReason } from './analysis-reason';
import type { CompiledPolicy, PolicyExplanations } from './compiled-model';

type Names = { location(id: string): string; application(id: string): string };

const list = (values: Iterable<string>): string => [...values].join(', ');

export function buildPolicyExplanations(policy: CompiledPolicy, names: Names): PolicyExplanations {
  const byReason = new Map<AnalysisReason, string>();
  const apps = policy.applications;
  const locationName = (id: string): string =>
    id === 'All' ? 'any location' : id === 'AllTrusted' ? 'all trusted locations' : names.location(id);
  byReason.set(
    'application',
    apps.hasApplicationTargets
      ? `The application is not targeted: this policy includes ${list([...apps.include].map((id) => (id === 'All' ? 'all resources' : names.application(id))))}${apps.exclude.size > 0 ? ` and excludes ${list([...apps.exclude].map(names.application))}` : ''}.`
      : 'This policy targets user actions or authentication contexts, not applications.',
  );
  byReason.set(
    'userActions',
    apps.userActions.size > 0
      ? `This policy targets the user actions ${list(apps.userActions)} only.`
      : 'This policy does not target user actions.',
  );
  byReason.set(
    'authenticationContext',
    apps.authenticationContexts.size > 0
      ? `This policy targets authentication contexts ${list(apps.authenticationContexts)} only.`
      : 'This policy does not target authentication contexts.',
  );
  if (policy.locations) {
    byReason.set(
      'location',
      `The sign-in location does not match: this policy includes ${list(policy.locations.include.map(locationName))}${policy.locations.exclude.length > 0 ? ` and excludes ${list(policy.locations.exclude.map(locationName))}` : ''}.`,
    );
  }
  if (policy.platforms) {
    byReason.set(
      'devicePlatform',
      `The device platform does not match: this policy includes ${list(policy.platforms.include)}${policy.platforms.exclude.size > 0 ? ` and excludes ${list(policy.platforms.exclude)}` : ''} (an unspecified platform only matches "all").`,
    );
  }
  if (policy.clientAppTypes)
    byReason.set('clientApps', `The client app type is not one of ${list(policy.clientAppTypes)}.`);
  if (policy.signInRiskLevels)
    byReason.set('signInRisk', `The sign-in risk is not one of ${list(policy.signInRiskLevels)}.`);
  if (policy.servicePrincipalRiskLevels && !policy.signInRiskLevels)
    byReason.set('signInRisk', `The service principal risk is not one of ${list(policy.servicePrincipalRiskLevels)}.`);
  if (policy.userRiskLevels) byReason.set('userRisk', `The user risk is not one of ${list(policy.userRiskLevels)}.`);
  if (policy.insiderRiskLevels)
    byReason.set('insiderRisk', `The insider risk is not one of ${list(policy.insiderRiskLevels)}.`);
  if (policy.deviceFilter) {
    byReason.set(
      'devices',
      policy.deviceFilter.mode === 'include'
        ? `The device does not match the include filter "${policy.deviceFilter.text}" (an unregistered device has only null properties).`
        : `The device matches the exclude filter "${policy.deviceFilter.text}".`,
    );
  } else if (policy.excludedDeviceStates)
    byReason.set('devices', `The device is in an excluded state (${list(policy.excludedDeviceStates)}).`);
  if (policy.transferMethods)
    byReason.set('authenticationFlow', `The authentication flow is not one of ${list(policy.transferMethods)}.`);
  byReason.set('workloadIdentities', 'The service principal is not targeted by this policy.');
  return {
    applies:
      policy.state === 'enabledForReportingButNotEnforced'
        ? 'Applies (report-only: evaluated and logged, not enforced).'
        : 'Applies: every configured condition matches this sign-in.',
    usersNotIncluded: 'The user is not among the users, groups, roles or guest types this policy includes.',
    usersExcluded: 'The user is excluded from this policy (exclusion wins over inclusion).',
    byReason,
  };
}

/** The reason of the lowest set bit: Graph's order puts users first, then the resource, then the conditions. */
export function firstReasonOf(mask: number): AnalysisReason | undefined {
  return analysisReasons[31 - Math.clz32(mask & -mask)];
}
