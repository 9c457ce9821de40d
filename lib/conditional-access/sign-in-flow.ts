// Beyond Graph's What-If: given a sign-in flow (ordered authentication method modes), does the user get in?
// Conditional Access is evaluated after the first factor (concept-authentication-strengths, "Limitations"),
// every applicable enabled policy must be satisfied, report-only policies are evaluated and reported but never
// enforced (concept-conditional-access-report-only).
import { engineText, joined, sentence, type EngineText, type EngineTextParam } from './engine-text';
import { AppError } from '../app-error';
import type { AuthenticationMethodMode } from './authentication-method-mode';
import { requirementOrder, type GrantRequirementKind } from './compile-grant';
import type { CompiledPolicy, CompiledSignIn, CompiledTenant, CompiledUser } from './compiled-model';
import {
  describeRequirement,
  describeRequirementText,
  evaluatePolicyGrant,
  grantControlNames,
  type GrantSession,
} from './grant-controls';
import { maskOf } from './method-mask';
import { summarizeSessionControls, sessionControlNames, type SessionControlsSummary } from './session-controls';
import { findFlowValidityProblems, type FlowValidityCode } from './sign-in-flow-validity';
import { findRemedies, type Remedy } from './sign-in-remedies';
import { applicablePolicies, evaluatePolicyApplicability } from './what-if';
import type { WhatIfRequest } from './what-if-request-schema';

export type SignInOutcome = 'granted' | 'interrupted' | 'blocked' | 'unavailable';

export type SignInFlow = {
  methods: readonly AuthenticationMethodMode[];
  passwordForgotten?: boolean;
  /** Extensions for controls the What-If request cannot express (README, "Grant controls"). */
  acceptedTermsOfUse?: readonly string[];
  isApprovedClientApp?: boolean;
  hasAppProtectionPolicy?: boolean;
  hasChangedPassword?: boolean;
};

export type SignInReasonCode =
  | FlowValidityCode
  | 'noPolicyApplies'
  | 'policiesSatisfied'
  | 'blockedByPolicy'
  | 'requirementMissing'
  | 'remedyAvailable'
  | 'noRegisteredMethodSatisfies'
  | 'controlNotSatisfiable'
  | 'legacyClientCannotMfa'
  | 'policyNotFullyEvaluated';

/** `message` is the English rendering of `text` (engine-text.ts), which the pages translate. */
export type SignInReason = { code: SignInReasonCode; message: string; text: EngineText; policyId?: string };

export type AppliedPolicyResultValue =
  | 'success'
  | 'failure'
  | 'notApplied'
  | 'notEnabled'
  | 'reportOnlySuccess'
  | 'reportOnlyFailure'
  | 'reportOnlyNotApplied'
  | 'reportOnlyInterrupted';

export type AppliedPolicy = {
  id: string;
  displayName: string;
  state: CompiledPolicy['state'];
  result: AppliedPolicyResultValue;
  enforcedGrantControls: string[];
  enforcedSessionControls: string[];
  /** Conditions of this policy the engine did not evaluate (read as matching); empty when fully evaluated. */
  unevaluatedConditions: readonly string[];
};

export type MissingRequirement = {
  policyId: string;
  policyDisplayName: string;
  requirement: GrantRequirementKind;
  description: string;
  descriptionText: EngineText;
  authenticationStrength?: { id: string; displayName: string; allowedCombinations: readonly string[] };
};

export type SignInStep = {
  kind: 'firstFactor' | 'conditionalAccess' | 'additionalFactor' | 'policy' | 'outcome';
  message: string;
};

export type SignInFlowResult = {
  outcome: SignInOutcome;
  reasons: SignInReason[];
  appliedPolicies: AppliedPolicy[];
  /** Interrupted: what is still required. */
  missing: MissingRequirement[];
  /** Interrupted: how the user's registered methods (or a registration) can supply it. */
  satisfiableWith: Remedy[];
  steps: SignInStep[];
  sessionControls: SessionControlsSummary;
  user: { id: string; userPrincipalName: string };
  methods: AuthenticationMethodMode[];
};

function missingOf(policies: readonly CompiledPolicy[], session: GrantSession): MissingRequirement[] {
  const missing: MissingRequirement[] = [];
  for (const policy of policies) {
    for (const r of evaluatePolicyGrant(policy, session).unmet) {
      missing.push({
        policyId: policy.id,
        policyDisplayName: policy.displayName,
        requirement: r.kind,
        description: describeRequirement(r),
        descriptionText: describeRequirementText(r),
        ...(r.kind === 'mfa' || r.kind === 'authenticationStrength'
          ? {
              authenticationStrength: {
                id: r.strength.id,
                displayName: r.strength.displayName,
                allowedCombinations: r.strength.allowedCombinations,
              },
            }
          : {}),
      });
    }
  }
  return missing.sort((a, b) => requirementOrder.indexOf(a.requirement) - requirementOrder.indexOf(b.requirement));
}

const isDeviceBound = (kind: GrantRequirementKind): boolean =>
  kind === 'compliantDevice' || kind === 'domainJoinedDevice';

/** The flow for one user given which policies apply; shared by evaluateSignInFlow and blast radius. */
export function evaluateFlowForUser(
  tenant: CompiledTenant,
  user: CompiledUser,
  applicable: readonly CompiledPolicy[],
  signIn: CompiledSignIn,
  flow: SignInFlow,
): SignInFlowResult {
  const methods = [...new Set(flow.methods)];
  const [first] = methods;
  if (first === undefined)
    throw new AppError('INVALID_INPUT', 'a sign-in flow needs at least one authentication method', { path: 'methods' });
  const passwordForgotten = flow.passwordForgotten === true;
  const session: GrantSession = {
    methodsMask: maskOf(methods),
    deviceInfo: signIn.deviceInfo,
    isLegacyClient: signIn.isLegacyClient,
    isApprovedClientApp: flow.isApprovedClientApp,
    hasAppProtectionPolicy: flow.hasAppProtectionPolicy,
    acceptedTermsOfUse: flow.acceptedTermsOfUse,
    hasChangedPassword: flow.hasChangedPassword,
  };
  const enforced = applicable.filter((p) => p.state === 'enabled');
  const who = user.userPrincipalName;
  const steps: SignInStep[] = [];
  const reasons: SignInReason[] = [];
  const remedyOptions = { passwordForgotten, firstMethod: first };

  const applicableIds = new Set(applicable.map((p) => p.id));
  const appliedPolicies: AppliedPolicy[] = tenant.policies.map((policy) => {
    const base = {
      id: policy.id,
      displayName: policy.displayName,
      state: policy.state,
      enforcedGrantControls: grantControlNames(policy),
      enforcedSessionControls: sessionControlNames(policy),
      unevaluatedConditions: policy.unevaluatedConditions,
    };
    if (policy.state === 'disabled') return { ...base, result: 'notEnabled' };
    const isReportOnly = policy.state === 'enabledForReportingButNotEnforced';
    if (!applicableIds.has(policy.id)) return { ...base, result: isReportOnly ? 'reportOnlyNotApplied' : 'notApplied' };
    const grant = evaluatePolicyGrant(policy, session);
    if (grant.isSatisfied) return { ...base, result: isReportOnly ? 'reportOnlySuccess' : 'success' };
    if (!isReportOnly) return { ...base, result: 'failure' };
    const canRemedy = !grant.isBlocked && findRemedies(user, [policy], session, remedyOptions).length > 0;
    return { ...base, result: canRemedy ? 'reportOnlyInterrupted' : 'reportOnlyFailure' };
  });
  const result = (
    outcome: SignInOutcome,
    missing: MissingRequirement[] = [],
    satisfiableWith: Remedy[] = [],
  ): SignInFlowResult => {
    steps.push({ kind: 'outcome', message: `Outcome: ${outcome}.` });
    // Last, so the first reason stays the one that decided the outcome: an applied policy whose conditions were
    // not all evaluated (e.g. `times`) makes the answer conditional, and the result says on what.
    for (const policy of enforced)
      if (policy.unevaluatedConditions.length > 0)
        reasons.push({
          code: 'policyNotFullyEvaluated',
          policyId: policy.id,
          ...sentence('flow.policyNotFullyEvaluated', {
            policy: policy.displayName,
            conditions: joined('comma', policy.unevaluatedConditions),
          }),
        });
    return {
      outcome,
      reasons,
      appliedPolicies,
      missing,
      satisfiableWith,
      steps,
      sessionControls: summarizeSessionControls(enforced),
      user: { id: user.id, userPrincipalName: who },
      methods,
    };
  };

  const problems = findFlowValidityProblems(user, methods, {
    passwordForgotten,
    isLegacyClient: signIn.isLegacyClient,
  });
  if (problems.length > 0) {
    for (const p of problems) reasons.push({ code: p.code, message: p.message, text: p.text });
    steps.push({
      kind: 'firstFactor',
      message: `${who} cannot perform ${methods.join(' + ')}: ${problems[0]?.message ?? ''}`,
    });
    return result('unavailable');
  }

  steps.push({ kind: 'firstFactor', message: `${who} signs in with ${first} (first factor).` });
  steps.push({
    kind: 'conditionalAccess',
    message:
      applicable.length === 0
        ? 'Conditional Access is evaluated after the first factor: no policy applies.'
        : `Conditional Access is evaluated after the first factor: ${applicable.map((p) => `"${p.displayName}"${p.state === 'enabled' ? '' : ' (report-only)'}`).join(', ')} apply.`,
  });
  const blocking = enforced.filter((p) => p.grant.isBlock);
  if (blocking.length > 0) {
    for (const p of blocking)
      reasons.push({
        code: 'blockedByPolicy',
        policyId: p.id,
        ...sentence('flow.blockedByPolicy', { policy: p.displayName }),
      });
    return result('blocked');
  }
  for (const method of methods.slice(1)) steps.push({ kind: 'additionalFactor', message: `${who} adds ${method}.` });
  const failing = enforced.filter((p) => !evaluatePolicyGrant(p, session).isSatisfied);
  for (const policy of enforced) {
    const unmet = evaluatePolicyGrant(policy, session).unmet;
    steps.push({
      kind: 'policy',
      message:
        unmet.length === 0
          ? `"${policy.displayName}" is satisfied by ${methods.join(' + ')}.`
          : `"${policy.displayName}" requires ${unmet.map(describeRequirement).join(policy.grant.operator === 'OR' ? ' or ' : ' and ')}; ${methods.join(' + ')} does not provide it.`,
    });
  }
  if (failing.length === 0) {
    reasons.push(
      enforced.length === 0
        ? { code: 'noPolicyApplies', ...sentence('flow.noPolicyApplies') }
        : { code: 'policiesSatisfied', ...sentence('flow.policiesSatisfied', { methods: joined('plus', methods) }) },
    );
    return result('granted');
  }

  const missing = missingOf(failing, session);
  const remedies = findRemedies(user, enforced, session, remedyOptions);
  if (remedies.length > 0) {
    for (const m of missing)
      reasons.push({
        code: 'requirementMissing',
        policyId: m.policyId,
        ...sentence('flow.requirementMissing', { policy: m.policyDisplayName, requirement: m.descriptionText }),
      });
    for (const r of remedies) reasons.push({ code: 'remedyAvailable', message: r.message, text: r.text });
    return result('interrupted', missing, remedies);
  }
  for (const m of missing) {
    const isAuth = m.requirement === 'mfa' || m.requirement === 'authenticationStrength';
    reasons.push(
      signIn.isLegacyClient && isAuth
        ? {
            code: 'legacyClientCannotMfa',
            policyId: m.policyId,
            ...sentence('flow.legacyClientCannotMfa', { policy: m.policyDisplayName, requirement: m.descriptionText }),
          }
        : isAuth
          ? {
              code: 'noRegisteredMethodSatisfies',
              policyId: m.policyId,
              ...sentence('flow.noRegisteredMethodSatisfies', {
                policy: m.policyDisplayName,
                requirement: m.descriptionText,
                user: who,
                methods: usableMethodsText(user.usableMethods, passwordForgotten),
              }),
            }
          : {
              code: 'controlNotSatisfiable',
              policyId: m.policyId,
              ...sentence(
                signIn.isDeviceStateUnavailable && isDeviceBound(m.requirement)
                  ? 'flow.deviceCodeFlowNoDeviceState'
                  : 'flow.controlNotSatisfiable',
                { policy: m.policyDisplayName, requirement: m.descriptionText },
              ),
            },
    );
  }
  return result('blocked', missing, []);
}

function usableMethodsText(
  registered: readonly AuthenticationMethodMode[],
  passwordForgotten: boolean,
): EngineTextParam {
  const usable = registered.filter((x) => !(passwordForgotten && x === 'password'));
  return usable.length === 0 ? engineText('word.none') : joined('comma', usable);
}

/** Evaluates a sign-in flow for the request's user against the tenant's policies. */
export function evaluateSignInFlow(tenant: CompiledTenant, request: WhatIfRequest, flow: SignInFlow): SignInFlowResult {
  const evaluated = evaluatePolicyApplicability(tenant, request);
  const user = tenant.userAt(evaluated.userIndex);
  if (!user)
    throw new AppError('INVALID_INPUT', 'sign-in flows are evaluated for users, not service principals', {
      path: '$.signInIdentity',
    });
  return evaluateFlowForUser(tenant, user, applicablePolicies(evaluated), evaluated.signIn, flow);
}
