// After each factor, Conditional Access decides: finish, block, ask for another factor, restart, or register a method.
import type { AuthenticationMethodMode } from '../../lib/conditional-access/authentication-method-mode';
import { redirect } from '../http/http';
import { methodPolicyFor } from '../methods/method-policy';
import { firstFactorOptions, methodLabel, secondFactorDefault, secondFactorOptions } from '../methods/sign-in-methods';
import { signInErrorCodes } from '../store/sign-in-logs';
import type { TenantUser } from '../store/tenant';
import * as pages from '../views/sign-in-pages';
import { errorPages, failureReasons, registrationLabel } from './entra-messages';
import { finishLogin } from './finish-login';
import { circumstancesOf, html, type Interaction } from './interaction-context';
import { logFailure } from './log-failure';
import { registrableHere } from './registrable-methods';

export async function factorSucceeded(
  it: Interaction,
  user: TenantUser,
  mode: AuthenticationMethodMode,
): Promise<void> {
  if (!it.state.methods.includes(mode)) it.state.methods.push(mode);
  it.state.offered = undefined;
  it.state.registrable = undefined;
  return advance(it, user);
}

export async function advance(it: Interaction, user: TenantUser): Promise<void> {
  const { mock, state } = it;
  const circumstances = circumstancesOf(it, user);
  const decision = mock.conditionalAccess.evaluate(mock.tenant, circumstances, state.methods);
  if (decision.outcome === 'granted') return finishLogin(it, user, decision);
  if (decision.outcome === 'blocked') {
    logFailure(
      it,
      user,
      signInErrorCodes.blockedByConditionalAccess,
      failureReasons.blockedByConditionalAccess,
      decision,
    );
    return html(it, pages.errorPage({ ...errorPages.blockedByConditionalAccess, upn: user.userPrincipalName }), 403);
  }
  if (decision.outcome === 'unavailable') {
    logFailure(it, user, signInErrorCodes.strengthNotMet, failureReasons.noWayToSatisfy, decision);
    return html(it, pages.errorPage({ ...errorPages.noMethodUsableHere, upn: user.userPrincipalName }), 403);
  }
  // Interrupted: offer each registered second factor the engine says
  // would complete the sign-in; else the methods that need a restart from Sign-in options.
  const now = mock.now();
  const isAllowed = methodPolicyFor(mock, user);
  const candidates = secondFactorOptions(mock.store, user, now, state.methods, isAllowed);
  const offered = candidates.filter(
    (m) => mock.conditionalAccess.evaluate(mock.tenant, circumstances, [...state.methods, m]).outcome === 'granted',
  );
  if (offered.length > 0) {
    state.offered = offered;
    const next = secondFactorDefault(mock.store, user, offered) ?? offered[0];
    return redirect(it.res, `${it.base}?method=${next}`);
  }
  const restartWith = firstFactorOptions(mock.store, user, now, isAllowed).filter(
    (m) =>
      !state.methods.includes(m) &&
      mock.conditionalAccess.evaluate(mock.tenant, circumstances, [m]).outcome === 'granted',
  );
  if (restartWith.length > 0) {
    logFailure(it, user, signInErrorCodes.strongAuthRequired, failureReasons.restartRequired, decision);
    return html(
      it,
      pages.restartPage({
        upn: user.userPrincipalName,
        restartAction: `${it.base}/restart`,
        methodLabels: restartWith.map((m) => methodLabel(m)),
      }),
      401,
    );
  }
  // Combined registration in interrupt mode, when the engine says a method can be registered now.
  const registrable = [
    ...new Set(decision.remedies.filter((r) => r.kind === 'registerMethod').flatMap((r) => r.methods)),
  ].filter((m) => registrableHere.has(m));
  if (registrable.length > 0) {
    state.registrable = registrable;
    return html(
      it,
      pages.registerInterruptPage({
        upn: user.userPrincipalName,
        base: it.base,
        methods: registrable.map((m) => ({ mode: m, label: registrationLabel(m) })),
      }),
      401,
    );
  }
  logFailure(it, user, signInErrorCodes.strengthNotMet, failureReasons.noRegisteredMethod, decision);
  return html(it, pages.errorPage({ ...errorPages.noMethodRegistered, upn: user.userPrincipalName }), 403);
}
