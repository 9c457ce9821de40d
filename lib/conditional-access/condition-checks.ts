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
