// The methods this step may use: Sign-in options first, then the second factors (or those the engine offered).
import type { AuthenticationMethodMode } from '../../lib/conditional-access/authentication-method-mode';
import { methodPolicyFor } from '../methods/method-policy';
import { firstFactorOptions, secondFactorOptions } from '../methods/sign-in-methods';
import type { TenantUser } from '../store/tenant';
import type { Interaction } from './interaction-context';

export function allowedMethods(it: Interaction, user: TenantUser): AuthenticationMethodMode[] {
  const now = it.mock.now();
  const isAllowed = methodPolicyFor(it.mock, user);
  if (it.state.methods.length === 0) return firstFactorOptions(it.mock.store, user, now, isAllowed);
  return it.state.offered ?? secondFactorOptions(it.mock.store, user, now, it.state.methods, isAllowed);
}
