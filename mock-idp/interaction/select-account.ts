// The account picker (prompt=select_account): continue as the session's account or sign in with another one.
import { readForm, redirect } from '../http/http';
import { findUser } from '../store/tenant';
import * as pages from '../views/sign-in-pages';
import { advance } from './advance';
import { html, type Interaction } from './interaction-context';
import { handleLogin } from './login-actions';

export async function handleSelectAccount(it: Interaction, action: string): Promise<void> {
  if (it.state.isAccountPicked) return handleLogin(it, action);
  const session = it.details.session;
  const current = session ? findUser(it.mock.tenant, session.accountId) : undefined;
  if (it.req.method === 'POST' && action === 'select') {
    const form = await readForm(it.req);
    it.state.isAccountPicked = true;
    if (form.choice === 'current' && current) {
      it.state.userId = current.id;
      const evidence = session?.uid ? it.mock.evidence.bySession.get(session.uid) : undefined;
      it.state.methods = evidence ? [...evidence.methods] : [];
      if (it.state.methods.length > 0) return advance(it, current);
    } else {
      it.state.userId = undefined;
      it.state.methods = [];
    }
    return redirect(it.res, it.base);
  }
  return html(
    it,
    pages.accountPickerPage({
      action: `${it.base}/select`,
      current: current ? { upn: current.userPrincipalName, name: current.displayName } : undefined,
    }),
  );
}
