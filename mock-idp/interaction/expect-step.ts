// Guards a factor: the user is known and the method is one this step may use, else the right error page.
import type { AuthenticationMethodMode } from '../../lib/conditional-access/authentication-method-mode';
import { redirect } from '../http/http';
import { anyMethod } from '../methods/method-policy';
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
    const registered = usableMethodsOf(it.mock.store, user, it.mock.now(), anyMethod);
    const isRegistered = mode === 'anyTemporaryAccessPass' ? registered.some(isTap) : registered.includes(mode);
    const isAllowed =
      mode === 'anyTemporaryAccessPass' || it.mock.conditionalAccess.isMethodAllowed(it.mock.tenant, user.id, mode);
    // Three different answers: a method the user never set up, one the authentication methods policy does not
    // let them use, or one this step cannot use (after a password only methods that complete CA are offered).
    const retry = { upn: user.userPrincipalName, retryHref: optionsHref(it) };
    html(
      it,
      !isRegistered
        ? pages.errorPage({ ...errorPages.methodNotRegistered, ...retry, outcome: 'notRegistered' })
        : !isAllowed
          ? pages.errorPage({ ...errorPages.methodNotAllowed, ...retry, outcome: 'notAllowed' })
          : pages.errorPage({ ...errorPages.methodNotOffered, ...retry, outcome: 'notOffered' }),
      400,
    );
    return undefined;
  }
  return user;
}
