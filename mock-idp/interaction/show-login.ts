// The login page: the username form, the Sign-in options list, or the chosen (else default) method's page.
import { isOneOf } from '../../lib/is-one-of';
import { methodPolicyFor } from '../methods/method-policy';
import { firstFactorDefault, methodLabel, phoneOf, secondFactorDefault } from '../methods/sign-in-methods';
import * as pages from '../views/sign-in-pages';
import { allowedMethods } from './allowed-methods';
import { errorPages, optionsHeadings } from './entra-messages';
import { html, userOf, type Interaction } from './interaction-context';
import { renderMethod } from './render-method';

export function showLogin(it: Interaction, error?: string): void {
  const user = userOf(it);
  if (!user) {
    const hint = typeof it.details.params.login_hint === 'string' ? it.details.params.login_hint : '';
    return html(it, pages.usernamePage({ action: `${it.base}/username`, appName: it.appName, error, value: hint }));
  }
  const now = it.mock.now();
  const isFirstFactor = it.state.methods.length === 0;
  const allowed = allowedMethods(it, user);
  if (it.url.searchParams.get('view') === 'options') {
    return html(
      it,
      pages.optionsPage({
        upn: user.userPrincipalName,
        heading: isFirstFactor ? optionsHeadings.firstFactor : optionsHeadings.secondFactor,
        options: allowed.map((mode) => ({
          mode,
          label: methodLabel(mode, phoneOf(it.mock.credentials, user)),
          href: `${it.base}?method=${mode}`,
        })),
        backHref: it.base,
      }),
    );
  }
  const requested = it.url.searchParams.get('method');
  const mode =
    requested && isOneOf(allowed, requested)
      ? requested
      : isFirstFactor
        ? firstFactorDefault(it.mock.store, user, now, methodPolicyFor(it.mock, user))
        : secondFactorDefault(it.mock.store, user, allowed);
  if (!mode) return html(it, pages.errorPage({ ...errorPages.noUsableMethod, upn: user.userPrincipalName }));
  return renderMethod(it, user, mode, error);
}
