// Guards a factor: the user is known and the method is one this step may use, else the right error page.
import type { AuthenticationMethodMode } from '../../lib/conditional-access/authentication-method-mode';
import { redirect } from '../http/http';
import { usableMethodsOf } from '../methods/sign-in-methods';
import type { TenantUser } from '../store/tenant';
import * as pages from '../views/sign-in-pages';
import { allowedMethods } from './allowed-methods';
import { errorPages } from './entra-messages';
import { html, optionsHref, userOf, type Interaction } from './interaction-context';

export function expectStep(
  it: Interaction,
  mode: AuthenticationMethodMode | 'anyTemporaryAccessPass',
): TenantUser | undefined {
  const user = userOf(it);
  if (!user) {
    redirect(it.res, it.base);
    return undefined;
  }
  const allowed = allowedMethods(it, user);
  const isTap = (m: string) => m.startsWith('temporaryAccessPass');
  const ok = mode === 'anyTemporaryAccessPass' ? allowed.some(isTap) : allowed.includes(mode);
  if (!ok) {
    const registered = usableMethodsOf(it.mock.store, user, it.mock.now());
    const isRegistered = mode === 'anyTemporaryAccessPass' ? registered.some(isTap) : registered.includes(mode);
    // Two different answers: a method the user never set up, or one this step cannot use (after a
    // password only the methods that complete Conditional Access are offered).
    const retry = { upn: user.userPrincipalName, retryHref: optionsHref(it) };
    html(
      it,
      isRegistered
        ? pages.errorPage({ ...errorPages.methodNotOffered, ...retry, outcome: 'notOffered' })
        : pages.errorPage({ ...errorPages.methodNotRegistered, ...retry, outcome: 'notRegistered' }),
      400,
    );
    return undefined;
  }
  return user;
}
