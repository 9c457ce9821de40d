// Every condition check in the order Graph lists analysis reasons; the first failing one is what the portal's
// What If names. A registry, not a barrel: evaluation iterates it.
import { applicationCheck, authenticationContextCheck, userActionsCheck } from './conditions/application-conditions';
import { authenticationFlowCheck } from './conditions/authentication-flow-condition';
import { clientAppsCheck } from './conditions/client-apps-condition';
import { devicePlatformCheck } from './conditions/device-platform-condition';
import { devicesCheck } from './conditions/devices-condition';
import { locationCheck } from './conditions/location-condition';
import {
  insiderRiskCheck,
  servicePrincipalRiskCheck,
  signInRiskCheck,
  userRiskCheck,
} from './conditions/risk-conditions';
import { usersCheck, workloadIdentitiesCheck } from './conditions/users-condition';
import type { CompiledPolicy, ConditionCheck, SignInContextKind } from './compiled-model';

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

/**
 * Only the checks a policy configures, per kind of sign-in context: an unconfigured condition matches everything,
 * and the resource checks hold trivially for the other context kinds, so neither needs to run.
 */
export function requestChecksFor(policy: CompiledPolicy): Record<SignInContextKind, readonly ConditionCheck[]> {
  const conditions = configuredConditionChecks(policy);
  return {
    application: [applicationCheck, ...conditions],
    userAction: [userActionsCheck, ...conditions],
    authContext: [authenticationContextCheck, ...conditions],
  };
}

function configuredConditionChecks(policy: CompiledPolicy): ConditionCheck[] {
  const configured: [ConditionCheck, boolean][] = [
    [workloadIdentitiesCheck, policy.servicePrincipals !== null],
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
