// Which methods the tenant's authentication methods policy lets a user use at sign-in (issue 15: SMS disabled, FIDO2
// only for a group, Authenticator in passwordless mode only). The engine decides (method-availability.ts, read from
// the gate's compiled tenant); the mock only asks, so its pages offer and accept what the engine predicts.
import type { AuthenticationMethodMode } from '../../lib/conditional-access/authentication-method-mode';
import type { MockIdp } from '../mock-idp-context';
import type { TenantUser } from '../store/tenant';

export type MethodPolicy = (mode: AuthenticationMethodMode) => boolean;

export function methodPolicyFor(mock: MockIdp, user: TenantUser): MethodPolicy {
  return (mode) => mock.conditionalAccess.isMethodAllowed(mock.tenant, user.id, mode);
}

/** Every registered method, whatever the policy says (to tell "not registered" from "not allowed"). */
export const anyMethod: MethodPolicy = () => true;
