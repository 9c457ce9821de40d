// A granted sign-in: log it, consume a one-time pass, save the grant and evidence, and finish the interaction.
import { clientIpOf } from '../http/client-ip';
import { consumeTemporaryAccessPass } from '../methods/temporary-access-pass';
import { amrFor, type SignInEvidence } from '../oidc/sign-in-evidence';
import { recordSignIn } from '../store/sign-in-logs';
import type { TenantUser } from '../store/tenant';
import type { GateDecision } from './conditional-access-gate';
import { createGrant } from './create-grant';
import { failureReasons } from './entra-messages';
import type { Interaction } from './interaction-context';

function evidenceOf(it: Interaction, user: TenantUser): SignInEvidence {
  return {
    methods: [...it.state.methods],
    acrs: [...it.state.requestedAcrs],
    authTime: it.mock.now(),
    userId: user.id,
  };
}

export async function finishLogin(it: Interaction, user: TenantUser, decision: GateDecision): Promise<void> {
  const { mock, state } = it;
  const evidence = evidenceOf(it, user);
  recordSignIn(
    mock.store,
    {
      userId: user.id,
      userPrincipalName: user.userPrincipalName,
      userDisplayName: user.displayName,
      appId: it.appId,
      appDisplayName: it.appName,
      ipAddress: clientIpOf(mock, it.req, state.browserId),
      clientAppUsed: 'Browser',
      isInteractive: true,
      authenticationMethodsUsed: [...state.methods],
      appliedConditionalAccessPolicies: decision.appliedPolicies,
      status: {
        errorCode: 0,
        failureReason: null,
        additionalDetails: decision.isEngineAvailable ? null : failureReasons.engineUnavailable,
      },
    },
    mock.now(),
  );
  if (state.methods.includes('temporaryAccessPassOneTime')) consumeTemporaryAccessPass(mock.store, user.id);
  const grantId = await createGrant(it, user.id, evidence);
  if (it.details.session?.uid) mock.evidence.bySession.set(it.details.session.uid, evidence);
  mock.signIns.delete(state.uid);
  await mock.provider.interactionFinished(
    it.req,
    it.res,
    {
      select_account: {},
      login: {
        accountId: user.id,
        ts: Math.floor(evidence.authTime / 1000),
        remember: true,
        ...(mock.config.isAmrEmitted ? { amr: amrFor(state.methods) } : {}),
      },
      consent: { grantId },
    },
    { mergeWithLastSubmission: false },
  );
}
