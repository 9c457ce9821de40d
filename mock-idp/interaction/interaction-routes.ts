// The sign-in interaction's entry (oidc-provider's "interactions"): load the details, build the context, dispatch by prompt.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Interaction as InteractionDetails } from 'oidc-provider';
import { browserIdOf } from '../http/client-ip';
import { sendHtml } from '../http/http';
import type { MockIdp } from '../mock-idp-context';
import * as pages from '../views/sign-in-pages';
import { handleConsent } from './consent';
import { authorizationErrors, errorPages, sessionExpiredCode } from './entra-messages';
import { stateFor, type Interaction } from './interaction-context';
import { handleLogin } from './login-actions';
import { handleSelectAccount } from './select-account';

// The steps: username, the user's default method, Sign-in options, second factors, then Conditional Access
// after every factor (advance.ts). The pages are in ../views/sign-in-pages.ts; the decisions come from the
// engine through conditional-access-gate.ts.
export async function handleInteractionRoute(
  mock: MockIdp,
  req: IncomingMessage,
  res: ServerResponse,
  segments: string[],
  url: URL,
): Promise<void> {
  const [uid = '', action = ''] = segments;
  let details: InteractionDetails;
  try {
    details = await mock.provider.interactionDetails(req, res);
  } catch {
    return sendHtml(res, 400, pages.errorPage({ ...errorPages.sessionExpired, code: sessionExpiredCode }));
  }
  if (details.uid !== uid) return sendHtml(res, 400, pages.errorPage(errorPages.sessionMismatch));
  const browserId = browserIdOf(req, res);
  const state = stateFor(mock, details, req, browserId);
  const appId = String(details.params.client_id ?? '');
  const appName = mock.clients.find((c) => c.client_id === appId)?.client_name ?? appId;
  const it: Interaction = {
    mock,
    req,
    res,
    details,
    state,
    base: `/${mock.tenant.tenantId}/interaction/${uid}`,
    appId,
    appName,
    url,
  };

  if (action === 'abort' && req.method === 'POST') {
    return mock.provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: authorizationErrors.cancelled },
      { mergeWithLastSubmission: false },
    );
  }
  if (details.prompt.name === 'select_account') return handleSelectAccount(it, action);
  if (details.prompt.name === 'consent') return handleConsent(it, action);
  return handleLogin(it, action);
}
