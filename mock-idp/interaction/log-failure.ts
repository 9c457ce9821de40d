// Records a failed interactive sign-in in the sign-in log, with the Conditional Access decision when there was one.
import { clientIpOf } from '../http/client-ip';
import { recordSignIn } from '../store/sign-in-logs';
import type { TenantUser } from '../store/tenant';
import type { GateDecision } from './conditional-access-gate';
import type { Interaction } from './interaction-context';

export function logFailure(
  it: Interaction,
  user: TenantUser,
  errorCode: number,
  failureReason: string,
  decision?: GateDecision,
): void {
  recordSignIn(
    it.mock.store,
    {
      userId: user.id,
      userPrincipalName: user.userPrincipalName,
      userDisplayName: user.displayName,
      appId: it.appId,
      appDisplayName: it.appName,
      ipAddress: clientIpOf(it.mock, it.req, it.state.browserId),
      clientAppUsed: 'Browser',
      isInteractive: true,
      authenticationMethodsUsed: [...it.state.methods],
      appliedConditionalAccessPolicies: decision?.appliedPolicies ?? [],
      ...(decision ? {} : { conditionalAccessStatus: 'notApplied' as const }),
      status: { errorCode, failureReason, additionalDetails: null },
    },
    it.mock.now(),
  );
}
