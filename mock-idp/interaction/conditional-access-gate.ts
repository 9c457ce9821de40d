// The mock's only door to Conditional Access: it asks the engine in lib/conditional-access and
// never re-implements a rule (issue 3 §6). The engine is compiled once per tenant document and day of the mock's
// clock, and recompiled when the control API resets the tenant or the registered methods change. The day is the
// engine's "as of" date, so known method retirements apply by the mock's own clock: from 1 February 2027 the mock's
// sign-in (and the reset portal's MFA through it) refuses Microsoft-provided SMS and voice, as Entra will
// (Microsoft's retirement announcement; dates and source in lib/conditional-access/method-availability.ts).
import type { AuthenticationMethodMode } from '../../lib/conditional-access/authentication-method-mode';
import { buildComparisonMatrix } from '../../lib/conditional-access/comparison-matrix';
import { compileTenant } from '../../lib/conditional-access/compile-tenant';
import type { CompiledTenant } from '../../lib/conditional-access/compiled-model';
import { methodBit } from '../../lib/conditional-access/method-mask';
import { parseTenant, parseWhatIfRequest } from '../../lib/conditional-access/parse-input';
import { evaluateSignInFlow } from '../../lib/conditional-access/sign-in-flow';
import { evaluateWhatIf } from '../../lib/conditional-access/what-if';
import type { Tenant } from '../store/tenant';

export type SignInOutcome = 'granted' | 'interrupted' | 'blocked' | 'unavailable';

export type AppliedConditionalAccessPolicy = {
  id: string;
  displayName: string;
  result: string;
  enforcedGrantControls?: string[];
  enforcedSessionControls?: string[];
  [key: string]: unknown;
};

export type GateRemedy = { kind: string; methods: AuthenticationMethodMode[]; message?: string };

export type GateDecision = {
  outcome: SignInOutcome;
  /** The engine's ways out of an interruption (satisfiableWith): addMethods, restart, registerMethod. */
  remedies: GateRemedy[];
  reasons: unknown[];
  appliedPolicies: AppliedConditionalAccessPolicy[];
  missing: unknown;
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
  parseTenant(json: unknown, source: string): unknown;
  /** `asOf` (YYYY-MM-DD): known method retirements effective by that day apply. */
  compileTenant(tenant: unknown, options?: { asOf?: string | null }): unknown;
  evaluateWhatIf(compiled: unknown, request: unknown): unknown;
  evaluateSignInFlow(
    compiled: unknown,
    request: unknown,
    options: { methods: AuthenticationMethodMode[]; passwordForgotten?: boolean },
  ): unknown;
  buildComparisonMatrix?: (compiled: unknown, ...rest: unknown[]) => unknown;
  /** Whether the tenant's authentication methods policy lets the user use the method (registered or not). */
  isMethodAllowed(compiled: unknown, userId: string, mode: AuthenticationMethodMode): boolean;
};

/**
 * The mock's live view of registered methods (a TAP created, a passkey registered through Graph or
 * the control API). The engine reads registered methods from the tenant document, so the gate
 * hands it a copy with these applied, recompiled only when `version` changes.
 */
export type RegisteredMethodsView = { version(): string; methodsOf(userId: string): string[] | undefined };

export type ConditionalAccessGate = {
  readonly engine: ConditionalAccessEngine | undefined;
  compiled(tenant: Tenant): unknown;
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

type FlowResult = {
  outcome?: unknown;
  reasons?: unknown;
  appliedPolicies?: unknown;
  missing?: unknown;
  satisfiableWith?: unknown;
};

function toDecision(result: unknown): GateDecision {
  const r = (result ?? {}) as FlowResult;
  const outcome =
    (['granted', 'interrupted', 'blocked', 'unavailable'] as const).find((o) => o === r.outcome) ?? 'unavailable';
  const applied = Array.isArray(r.appliedPolicies) ? (r.appliedPolicies as AppliedConditionalAccessPolicy[]) : [];
  const remedies = Array.isArray(r.satisfiableWith) ? (r.satisfiableWith as GateRemedy[]) : [];
  return {
    outcome,
    remedies,
    reasons: Array.isArray(r.reasons) ? r.reasons : [],
    appliedPolicies: applied,
    missing: r.missing,
    isEngineAvailable: true,
  };
}

// Combine the app's decision with an authentication context's: both must grant; the worse wins.
const severity: Record<SignInOutcome, number> = { granted: 0, interrupted: 1, unavailable: 2, blocked: 3 };

function withRegisteredMethods(raw: unknown, view: RegisteredMethodsView | undefined): unknown {
  if (!view || !raw || typeof raw !== 'object') return raw;
  const patchUsers = (document: Record<string, unknown>) => ({
    ...document,
    users: Array.isArray(document.users)
      ? document.users.map((u: Record<string, unknown>) => {
          const methods = typeof u.id === 'string' ? view.methodsOf(u.id) : undefined;
          return methods ? { ...u, authenticationMethods: methods } : u;
        })
      : document.users,
  });
  const document = raw as Record<string, unknown>;
  if ('tenant' in document && !('users' in document))
    return { ...document, tenant: patchUsers(document.tenant as Record<string, unknown>) };
  return patchUsers(document);
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
  const cache = new WeakMap<Tenant, { version: string; compiled: unknown }>();
  function compiled(tenant: Tenant): unknown {
    if (!engine) return undefined;
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
  return {
    engine,
    compiled,
    whatIfRequestFor,
    evaluate(tenant, circumstances, methods) {
      if (!engine)
        return {
          outcome: 'granted',
          remedies: [],
          reasons: ['engineUnavailable'],
          appliedPolicies: [],
          missing: undefined,
          isEngineAvailable: false,
        };
      const app = toDecision(
        engine.evaluateSignInFlow(
          compiled(tenant),
          whatIfRequestFor({ ...circumstances, authenticationContext: undefined }),
          { methods },
        ),
      );
      if (!circumstances.authenticationContext) return app;
      const context = toDecision(
        engine.evaluateSignInFlow(compiled(tenant), whatIfRequestFor(circumstances), { methods }),
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
      return engine.evaluateWhatIf(compiled(tenant), body);
    },
    isMethodAllowed(tenant, userId, mode) {
      return engine ? engine.isMethodAllowed(compiled(tenant), userId, mode) : true;
    },
  };
}

/** The engine from lib/conditional-access, the same one the CLI and the portal use. */
export function loadConditionalAccessEngine(): ConditionalAccessEngine {
  return {
    parseTenant: (json, source) => parseTenant(json, source),
    compileTenant: (tenant, options) => compileTenant(tenant as Parameters<typeof compileTenant>[0], options),
    evaluateWhatIf: (compiled, request) =>
      evaluateWhatIf(compiled as CompiledTenant, parseWhatIfRequest(request, 'request body')),
    evaluateSignInFlow: (compiled, request, options) =>
      evaluateSignInFlow(compiled as CompiledTenant, parseWhatIfRequest(request, 'sign-in'), options),
    isMethodAllowed: (compiled, userId, mode) => {
      const tenant = compiled as CompiledTenant;
      const index = tenant.userIndexById.get(userId);
      const user = index === undefined ? undefined : tenant.users[index];
      return user ? (user.allowedMask & methodBit(mode)) !== 0 : true;
    },
    buildComparisonMatrix: (compiled, request, options) =>
      buildComparisonMatrix(
        compiled as CompiledTenant,
        parseWhatIfRequest(request, 'matrix request'),
        options as Parameters<typeof buildComparisonMatrix>[2],
      ),
  };
}
