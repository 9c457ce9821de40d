// The mock's only door to Conditional Access: it asks the engine in lib/conditional-access and
// never re-implements a rule (issue 3 §6). The engine is compiled once per tenant document and day of the mock's
// clock, and recompiled when the control API resets the tenant or the registered methods change. The day is the
// engine's "as of" date, so known method retirements apply by the mock's own clock: from 1 February 2027 the mock's
// sign-in (and the reset portal's MFA through it) refuses Microsoft-provided SMS and voice, as Entra will
// (Microsoft's retirement announcement; dates and source in lib/conditional-access/method-availability.ts).
import type { AuthenticationMethodMode } from '../../lib/conditional-access/authentication-method-mode';
import {
  buildComparisonMatrix,
  type ComparisonMatrix,
  type ComparisonMatrixOptions,
} from '../../lib/conditional-access/comparison-matrix';
import { compileTenant } from '../../lib/conditional-access/compile-tenant';
import type { CompiledTenant } from '../../lib/conditional-access/compiled-model';
import { methodBit } from '../../lib/conditional-access/method-mask';
import { parseTenant, parseWhatIfRequest } from '../../lib/conditional-access/parse-input';
import {
  evaluateSignInFlow,
  type AppliedPolicy,
  type MissingRequirement,
  type SignInFlow,
  type SignInFlowResult,
  type SignInOutcome,
  type SignInReason,
} from '../../lib/conditional-access/sign-in-flow';
import type { Remedy } from '../../lib/conditional-access/sign-in-remedies';
import type { Tenant as EngineTenant } from '../../lib/conditional-access/tenant-schema';
import { evaluateWhatIf, type WhatIfPolicyResult } from '../../lib/conditional-access/what-if';
import { isRecord } from '../../lib/is-record';
import type { Tenant } from '../store/tenant';

export type { SignInOutcome };

/** One row of a sign-in log's appliedConditionalAccessPolicies (Graph's signIn resource). */
export type AppliedConditionalAccessPolicy = {
  id: string;
  displayName: string;
  result: string;
  enforcedGrantControls?: string[];
  enforcedSessionControls?: string[];
  [key: string]: unknown;
};

export type GateDecision = {
  outcome: SignInOutcome;
  /** The engine's ways out of an interruption (satisfiableWith): addMethods, restart, registerMethod. */
  remedies: Remedy[];
  reasons: SignInReason[];
  appliedPolicies: AppliedPolicy[];
  missing: MissingRequirement[];
  isEngineAvailable: boolean;
};

export type SignInCircumstances = {
  userId: string;
  appId: string;
  clientIp: string;
  clientAppType: 'browser' | 'mobileAppsAndDesktopClients';
  devicePlatform?: string;
  userRiskLevel?: 'none' | 'low' | 'medium' | 'high';
  /** An authentication context (c1..c99) requested by the app, evaluated after the app's policies. */
  authenticationContext?: string;
  transferMethod?: 'deviceCodeFlow';
};

export type ConditionalAccessEngine = {
  parseTenant(json: unknown, source: string): EngineTenant;
  /** `asOf` (YYYY-MM-DD): known method retirements effective by that day apply. */
  compileTenant(tenant: EngineTenant, options?: { asOf?: string | null }): CompiledTenant;
  /** `request` is a Graph What-If body as received; the engine parses it (a bad one throws its AppError). */
  evaluateWhatIf(compiled: CompiledTenant, request: unknown): { value: WhatIfPolicyResult[] };
  evaluateSignInFlow(compiled: CompiledTenant, request: unknown, flow: SignInFlow): SignInFlowResult;
  buildComparisonMatrix(
    compiled: CompiledTenant,
    request: unknown,
    options?: ComparisonMatrixOptions,
  ): ComparisonMatrix;
  /** Whether the tenant's authentication methods policy lets the user use the method (registered or not). */
  isMethodAllowed(compiled: CompiledTenant, userId: string, mode: AuthenticationMethodMode): boolean;
};

/**
 * The mock's live view of registered methods (a TAP created, a passkey registered through Graph or
 * the control API). The engine reads registered methods from the tenant document, so the gate
 * hands it a copy with these applied, recompiled only when `version` changes.
 */
export type RegisteredMethodsView = { version(): string; methodsOf(userId: string): string[] | undefined };

export type ConditionalAccessGate = {
  readonly engine: ConditionalAccessEngine | undefined;
  compiled(tenant: Tenant): CompiledTenant | undefined;
  whatIfRequestFor(circumstances: SignInCircumstances): Record<string, unknown>;
  evaluate(tenant: Tenant, circumstances: SignInCircumstances, methods: AuthenticationMethodMode[]): GateDecision;
  whatIf(tenant: Tenant, body: unknown): unknown;
  isMethodAllowed(tenant: Tenant, userId: string, mode: AuthenticationMethodMode): boolean;
};

export function whatIfRequestFor(c: SignInCircumstances): Record<string, unknown> {
  return {
    signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', userId: c.userId },
    signInContext: c.authenticationContext
      ? { '@odata.type': '#microsoft.graph.authContext', authenticationContextValue: c.authenticationContext }
      : { '@odata.type': '#microsoft.graph.applicationContext', includeApplications: [c.appId] },
    signInConditions: {
      clientAppType: c.clientAppType,
      ipAddress: c.clientIp,
      ...(c.devicePlatform ? { devicePlatform: c.devicePlatform } : {}),
      userRiskLevel: c.userRiskLevel ?? 'none',
      signInRiskLevel: 'none',
      ...(c.transferMethod ? { authenticationFlow: { transferMethod: c.transferMethod } } : {}),
    },
  };
}

function toDecision(result: SignInFlowResult): GateDecision {
  return {
    outcome: result.outcome,
    remedies: result.satisfiableWith,
    reasons: result.reasons,
    appliedPolicies: result.appliedPolicies,
    missing: result.missing,
    isEngineAvailable: true,
  };
}

// Combine the app's decision with an authentication context's: both must grant; the worse wins.
const severity: Record<SignInOutcome, number> = { granted: 0, interrupted: 1, unavailable: 2, blocked: 3 };

// The view's methods go into the raw document, before the engine's parse, so the engine's schema checks them too.
function withRegisteredMethods(raw: unknown, view: RegisteredMethodsView | undefined): unknown {
  if (!view || !isRecord(raw)) return raw;
  const patchUsers = (document: Record<string, unknown>) => ({
    ...document,
    users: Array.isArray(document.users)
      ? document.users.map((u: unknown) => {
          const methods = isRecord(u) && typeof u.id === 'string' ? view.methodsOf(u.id) : undefined;
          return isRecord(u) && methods ? { ...u, authenticationMethods: methods } : u;
        })
      : document.users,
  });
  if ('tenant' in raw && !('users' in raw))
    return { ...raw, tenant: isRecord(raw.tenant) ? patchUsers(raw.tenant) : raw.tenant };
  return patchUsers(raw);
}

/** The UTC calendar day of a clock reading, YYYY-MM-DD (the engine's "as of" date). */
export function utcDayOf(epochMilliseconds: number): string {
  return new Date(epochMilliseconds).toISOString().slice(0, 10);
}

export function createConditionalAccessGate(
  engine: ConditionalAccessEngine | undefined,
  view?: RegisteredMethodsView,
  /** The mock's clock (MockIdp.now): its day is the "as of" date of method retirements. */
  now: () => number = () => Date.now(),
): ConditionalAccessGate {
  const cache = new WeakMap<Tenant, { version: string; compiled: CompiledTenant }>();
  function compiledBy(engine: ConditionalAccessEngine, tenant: Tenant): CompiledTenant {
    const asOf = utcDayOf(now());
    const version = `${view?.version() ?? '0'}@${asOf}`;
    const cached = cache.get(tenant);
    if (cached && cached.version === version) return cached.compiled;
    const value = engine.compileTenant(engine.parseTenant(withRegisteredMethods(tenant.raw, view), tenant.source), {
      asOf,
    });
    cache.set(tenant, { version, compiled: value });
    return value;
  }
  const compiled = (tenant: Tenant): CompiledTenant | undefined => (engine ? compiledBy(engine, tenant) : undefined);
  return {
    engine,
    compiled,
    whatIfRequestFor,
    evaluate(tenant, circumstances, methods) {
      if (!engine)
        return {
          outcome: 'granted',
          remedies: [],
          reasons: [],
          appliedPolicies: [],
          missing: [],
          isEngineAvailable: false,
        };
      const app = toDecision(
        engine.evaluateSignInFlow(
          compiledBy(engine, tenant),
          whatIfRequestFor({ ...circumstances, authenticationContext: undefined }),
          { methods },
        ),
      );
      if (!circumstances.authenticationContext) return app;
      const context = toDecision(
        engine.evaluateSignInFlow(compiledBy(engine, tenant), whatIfRequestFor(circumstances), { methods }),
      );
      const worst = severity[context.outcome] > severity[app.outcome] ? context : app;
      const seen = new Set(app.appliedPolicies.map((p) => p.id));
      return {
        ...worst,
        remedies: [...app.remedies, ...context.remedies],
        appliedPolicies: [...app.appliedPolicies, ...context.appliedPolicies.filter((p) => !seen.has(p.id))],
      };
    },
    whatIf(tenant, body) {
      if (!engine) return { value: [] };
      return engine.evaluateWhatIf(compiledBy(engine, tenant), body);
    },
    isMethodAllowed(tenant, userId, mode) {
      return engine ? engine.isMethodAllowed(compiledBy(engine, tenant), userId, mode) : true;
    },
  };
}

/** The engine from lib/conditional-access, the same one the CLI and the portal use. */
export function loadConditionalAccessEngine(): ConditionalAccessEngine {
  return {
    parseTenant: (json, source) => parseTenant(json, source),
    compileTenant: (tenant, options) => compileTenant(tenant, options),
    evaluateWhatIf: (compiled, request) => evaluateWhatIf(compiled, parseWhatIfRequest(request, 'request body')),
    evaluateSignInFlow: (compiled, request, flow) =>
      evaluateSignInFlow(compiled, parseWhatIfRequest(request, 'sign-in'), flow),
    isMethodAllowed: (compiled, userId, mode) => {
      const index = compiled.userIndexById.get(userId);
      const user = index === undefined ? undefined : compiled.users[index];
      return user ? (user.allowedMask & methodBit(mode)) !== 0 : true;
    },
    buildComparisonMatrix: (compiled, request, options) =>
      buildComparisonMatrix(compiled, parseWhatIfRequest(request, 'matrix request'), options),
  };
}
