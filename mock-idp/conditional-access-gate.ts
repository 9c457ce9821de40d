// The mock's only door to Conditional Access: it asks the engine in lib/conditional-access and
// never re-implements a rule (issue 3 §6). The engine is compiled once per tenant document and
// recompiled when the control API resets the tenant.
import type { AuthenticationMethodMode } from '../lib/conditional-access/authentication-method-mode';
import type { Tenant } from './tenant';

export type SignInOutcome = 'granted' | 'interrupted' | 'blocked' | 'unavailable';

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
  compileTenant(tenant: unknown): unknown;
  evaluateWhatIf(compiled: unknown, request: unknown): unknown;
  evaluateSignInFlow(compiled: unknown, request: unknown, options: { methods: AuthenticationMethodMode[]; passwordForgotten?: boolean }): unknown;
  buildComparisonMatrix?: (compiled: unknown, ...rest: unknown[]) => unknown;
};

export type ConditionalAccessGate = {
  readonly engine: ConditionalAccessEngine | undefined;
  compiled(tenant: Tenant): unknown;
  whatIfRequestFor(circumstances: SignInCircumstances): Record<string, unknown>;
  evaluate(tenant: Tenant, circumstances: SignInCircumstances, methods: AuthenticationMethodMode[]): GateDecision;
  whatIf(tenant: Tenant, body: unknown): unknown;
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

type FlowResult = { outcome?: unknown; reasons?: unknown; appliedPolicies?: unknown; missing?: unknown };

function toDecision(result: unknown): GateDecision {
  const r = (result ?? {}) as FlowResult;
  const outcome = (['granted', 'interrupted', 'blocked', 'unavailable'] as const).find((o) => o === r.outcome) ?? 'unavailable';
  const applied = Array.isArray(r.appliedPolicies) ? (r.appliedPolicies as AppliedConditionalAccessPolicy[]) : [];
  return { outcome, reasons: Array.isArray(r.reasons) ? r.reasons : [], appliedPolicies: applied, missing: r.missing, isEngineAvailable: true };
}

// Combine the app's decision with an authentication context's: both must grant; the worse wins.
const severity: Record<SignInOutcome, number> = { granted: 0, interrupted: 1, unavailable: 2, blocked: 3 };

export function createConditionalAccessGate(engine: ConditionalAccessEngine | undefined): ConditionalAccessGate {
  const cache = new WeakMap<Tenant, unknown>();
  function compiled(tenant: Tenant): unknown {
    if (!engine) return undefined;
    let value = cache.get(tenant);
    if (value === undefined) {
      value = engine.compileTenant(engine.parseTenant(tenant.raw, tenant.source));
      cache.set(tenant, value);
    }
    return value;
  }
  return {
    engine,
    compiled,
    whatIfRequestFor,
    evaluate(tenant, circumstances, methods) {
      if (!engine) return { outcome: 'granted', reasons: ['engineUnavailable'], appliedPolicies: [], missing: undefined, isEngineAvailable: false };
      const app = toDecision(engine.evaluateSignInFlow(compiled(tenant), whatIfRequestFor({ ...circumstances, authenticationContext: undefined }), { methods }));
      if (!circumstances.authenticationContext) return app;
      const context = toDecision(engine.evaluateSignInFlow(compiled(tenant), whatIfRequestFor(circumstances), { methods }));
      const worst = severity[context.outcome] > severity[app.outcome] ? context : app;
      const seen = new Set(app.appliedPolicies.map((p) => p.id));
      return { ...worst, appliedPolicies: [...app.appliedPolicies, ...context.appliedPolicies.filter((p) => !seen.has(p.id))] };
    },
    whatIf(tenant, body) {
      if (!engine) return { value: [] };
      return engine.evaluateWhatIf(compiled(tenant), body);
    },
  };
}

/**
 * Loads the engine from lib/conditional-access. Its modules are being written alongside the mock,
 * so the exports are looked up by name across the folder's files rather than by fixed paths.
 */
export async function loadConditionalAccessEngine(): Promise<ConditionalAccessEngine | undefined> {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const folder = path.resolve(new URL('../lib/conditional-access', import.meta.url).pathname);
  if (!fs.existsSync(folder)) return undefined;
  const found: Record<string, unknown> = {};
  const wanted = ['parseTenant', 'compileTenant', 'evaluateWhatIf', 'evaluateSignInFlow', 'buildComparisonMatrix'];
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
  // Likely homes first, so the common case imports only a few modules.
  files.sort((a, b) => Number(!/evaluate|parse-input|compile-tenant|matrix|comparison/.test(a)) - Number(!/evaluate|parse-input|compile-tenant|matrix|comparison/.test(b)));
  for (const file of files) {
    if (wanted.every((name) => name in found)) break;
    try {
      const module = (await import(path.join(folder, file))) as Record<string, unknown>;
      for (const name of wanted) if (!(name in found) && typeof module[name] === 'function') found[name] = module[name];
    } catch {
      // A module mid-edit by its author must not stop the mock.
    }
  }
  if (!['parseTenant', 'compileTenant', 'evaluateWhatIf', 'evaluateSignInFlow'].every((n) => typeof found[n] === 'function')) return undefined;
  return found as unknown as ConditionalAccessEngine;
}
