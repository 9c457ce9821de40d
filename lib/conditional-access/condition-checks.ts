// Every condition check in the order Graph lists analysis reasons; the first failing one is what the portal's
// What If names. A registry, not a barrel: evaluation iterates it.
import { applicationCheck, authenticationContextCheck, userActionsCheck } from './conditions/application-conditions';
import { authenticationFlowCheck } from './conditions/authentication-flow-condition';
import { clientAppsCheck } from './conditions/client-apps-condition';
import { devicePlatformCheck } from './conditions/device-platform-condition';
import { devicesCheck } from './conditions/devices-condition';
import { locationCheck } from './conditions/location-condition';
import { insiderRiskCheck, servicePrincipalRiskCheck, signInRiskCheck, userRiskCheck } from './conditions/risk-conditions';
import { usersCheck, workloadIdentitiesCheck } from './conditions/users-condition';
import type { ConditionCheck } from './condition-check';
import type { CompiledPolicy } from './compile-policy';

export const userCheck: ConditionCheck = usersCheck;

/** Checks that don't read the user: evaluated once per request, also in blast radius. */
export const requestChecks: readonly ConditionCheck[] = [
  workloadIdentitiesCheck,
  applicationCheck,
  userActionsCheck,
  authenticationContextCheck,
  devicePlatformCheck,
  locationCheck,
  clientAppsCheck,
  signInRiskCheck,
  servicePrincipalRiskCheck,
  userRiskCheck,
  insiderRiskCheck,
  devicesCheck,
  authenticationFlowCheck,
];

/** Only the checks a policy configures: an unconfigured condition matches everything, so it needn't run. */
export function requestChecksFor(policy: CompiledPolicy): ConditionCheck[] {
  const configured: [ConditionCheck, boolean][] = [
    [workloadIdentitiesCheck, policy.servicePrincipals !== null],
    [applicationCheck, true],
    [userActionsCheck, true],
    [authenticationContextCheck, true],
    [devicePlatformCheck, policy.platforms !== null],
    [locationCheck, policy.locations !== null],
    [clientAppsCheck, policy.clientAppTypes !== null],
    [signInRiskCheck, policy.signInRiskLevels !== null],
    [servicePrincipalRiskCheck, policy.servicePrincipalRiskLevels !== null],
    [userRiskCheck, policy.userRiskLevels !== null],
    [insiderRiskCheck, policy.insiderRiskLevels !== null],
    [devicesCheck, policy.deviceFilter !== null || policy.excludedDeviceStates !== null],
    [authenticationFlowCheck, policy.transferMethods !== null],
  ];
  return configured.filter(([, isConfigured]) => isConfigured).map(([check]) => check);
}
