// The username step: a known, enabled account starts a fresh sign-in; else Entra's username or locked message.
import { redirect } from '../../http/http';
import { findUser } from '../../store/tenant';
import * as pages from '../../views/sign-in-pages';
import { errorPages, inlineErrors } from '../entra-messages';
import { html, type Interaction } from '../interaction-context';

export function submitUsername(it: Interaction, username: string): void {
  const user = findUser(it.mock.tenant, username);
  if (!user) {
    return html(
      it,
      pages.usernamePage({
        action: `${it.base}/username`,
        appName: it.appName,
        value: username,
        error: inlineErrors.unknownUsername,
      }),
      400,
    );
  }
  if (user.accountEnabled === false) {
    return html(it, pages.errorPage({ ...errorPages.accountDisabled, upn: user.userPrincipalName }), 400);
  }
  it.state.userId = user.id;
  it.state.methods = [];
  it.state.offered = undefined;
  redirect(it.res, it.base);
}
