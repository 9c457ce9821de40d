// The consent prompt, and single sign-on into another app: Conditional Access again with the session's methods.
import { readForm } from '../http/http';
import { implicitConsentParam } from '../oidc/provider-configuration';
import { findUser } from '../store/tenant';
import * as pages from '../views/sign-in-pages';
import { advance } from './advance';
import { authorizationErrors, errorPages } from './entra-messages';
import { html, type Interaction } from './interaction-context';
import { handleLogin } from './login-actions';

export async function handleConsent(it: Interaction, action: string): Promise<void> {
  const session = it.details.session;
  const user = session ? findUser(it.mock.tenant, session.accountId) : undefined;
  if (!session || !user) return html(it, pages.errorPage(errorPages.sessionExpired), 400);
  const evidence = (session.uid && it.mock.evidence.bySession.get(session.uid)) || undefined;
  // Single sign-on into another app: Conditional Access is evaluated for this app with the
  // methods the session already used; if they do not suffice, the sign-in continues from there.
  if (!it.state.userId) {
    it.state.userId = user.id;
    it.state.methods = evidence && evidence.userId === user.id ? [...evidence.methods] : [];
  }
  const prompts = String(it.details.params.prompt ?? '').split(' ');
  const isConsentAsked = prompts.includes('consent') && it.details.params[implicitConsentParam] !== '1';
  if (isConsentAsked && action !== 'consent') {
    const scopes = String(it.details.params.scope ?? '')
      .split(' ')
      .filter(Boolean);
    return html(
      it,
      pages.consentPage({ action: `${it.base}/consent`, appName: it.appName, scopes, upn: user.userPrincipalName }),
    );
  }
  if (action === 'consent' && it.req.method === 'POST') {
    const form = await readForm(it.req);
    if (form.decision !== 'accept') {
      return it.mock.provider.interactionFinished(
        it.req,
        it.res,
        { error: 'access_denied', error_description: authorizationErrors.consentDeclined },
        { mergeWithLastSubmission: false },
      );
    }
  }
  if (it.state.methods.length === 0) return handleLogin(it, action === 'consent' ? '' : action);
  return advance(it, user);
}
