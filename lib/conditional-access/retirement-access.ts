// The readiness view of a retirement date (issue 15): "who loses the ability to reset or sign in on that date, and
// what they should register", from each user's real methods. The same directory and policies are compiled twice,
// the day before the date and on it (method-availability.ts applies knownRetirements from `asOf`); for every user
// with a method retired on the date, each sign-in the user can build from their usable methods is evaluated through
// Conditional Access in both, for the reset application with the password forgotten and for each application with
// the password. *Choice* (README "As of"): a browser sign-in from a network in no named location (the case where no
// trusted-network exemption helps), and only `granted` counts as access.
import type { AuthenticationMethodMode } from './authentication-method-mode';
import { firstFactorModes, restartOnlyModes, secondFactorModes } from './authentication-method-mode';
import type { CompiledTenant } from './compiled-model';
import { findRetirementImpact, type RetirementImpact } from './retirement-readiness';
import { evaluateSignInFlow, type SignInFlow } from './sign-in-flow';
import type { WhatIfRequest } from './what-if-request-schema';

export type RetirementAccess = RetirementImpact & {
  /** Could reset a forgotten password through the reset application the day before / on the date. */
  canResetBefore: boolean;
  canResetAfter: boolean;
  /** Applications the user could sign in to the day before and cannot on the date. */
  lostApplicationIds: string[];
};

export type RetirementAccessOptions = {
  resetApplicationId?: string;
  /** Applications to check sign-in for (default: every application of the tenant document). */
  applicationIds?: readonly string[];
};

/** Every sign-in a user can make from these methods: one first factor alone, or a password and a second factor. */
export function flowsFromMethods(methods: readonly AuthenticationMethodMode[]): SignInFlow[] {
  const flows: SignInFlow[] = [];
  for (const m of methods) if (firstFactorModes.has(m) || restartOnlyModes.has(m)) flows.push({ methods: [m] });
  if (methods.includes('password'))
    for (const m of methods) if (m !== 'password' && secondFactorModes.has(m)) flows.push({ methods: ['password', m] });
  return flows;
}

function canAccess(tenant: CompiledTenant, userId: string, appId: string, passwordForgotten: boolean): boolean {
  const index = tenant.userIndexById.get(userId);
  const user = index === undefined ? undefined : tenant.userAt(index);
  if (!user) return false;
  const request: WhatIfRequest = {
    signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', userId },
    signInContext: { '@odata.type': '#microsoft.graph.applicationContext', includeApplications: [appId] },
    signInConditions: { clientAppType: 'browser' },
    appliedPoliciesOnly: false,
  };
  return flowsFromMethods(user.usableMethods)
    .filter((flow) => !(passwordForgotten && flow.methods.includes('password')))
    .some((flow) => evaluateSignInFlow(tenant, request, { ...flow, passwordForgotten }).outcome === 'granted');
}

/**
 * `before` and `after` are the same documents compiled with `asOf` the day before and on the date. Users are those
 * with a method retired in `after` (findRetirementImpact), in directory order.
 */
export function findRetirementAccess(
  before: CompiledTenant,
  after: CompiledTenant,
  options: RetirementAccessOptions = {},
): RetirementAccess[] {
  const applicationIds = options.applicationIds ?? (after.source.applications ?? []).map((a) => a.appId);
  const reset = options.resetApplicationId;
  return findRetirementImpact(after).map((impact) => ({
    ...impact,
    canResetBefore: reset !== undefined && canAccess(before, impact.userId, reset, true),
    canResetAfter: reset !== undefined && canAccess(after, impact.userId, reset, true),
    lostApplicationIds: applicationIds.filter(
      (app) => canAccess(before, impact.userId, app, false) && !canAccess(after, impact.userId, app, false),
    ),
  }));
}

/** The ISO date before `date` (YYYY-MM-DD), for the "day before" compilation. */
export function dayBefore(date: string): string {
  const time = Date.parse(`${date}T00:00:00Z`);
  return new Date(time - 86_400_000).toISOString().slice(0, 10);
}
