// The methods this step may use: Sign-in options first, then the second factors (or those the engine offered).
import type { AuthenticationMethodMode } from '../../lib/conditional-access/authentication-method-mode';
import { firstFactorOptions, secondFactorOptions } from '../methods/sign-in-methods';
import type { TenantUser } from '../store/tenant';
import type { Interaction } from './interaction-context';

export function allowedMethods(it: Interaction, user: TenantUser): AuthenticationMethodMode[] {
  const now = it.mock.now();
  if (it.state.methods.length === 0) return firstFactorOptions(it.mock.store, user, now);
  return it.state.offered ?? secondFactorOptions(it.mock.store, user, now, it.state.methods);
}
