// computeBlastRadius (lib/conditional-access/blast-radius.ts) cut into resumable slices of users, so the portal
// can stream counts, show progress and stop when the admin cancels, without freezing its event loop for a
// 100,000-user tenant. Same algorithm and the same engine pieces (request conditions once, targeting bytes per
// user, one flow evaluation per distinct profile); `blast-radius-run.test.ts` proves the results identical.
import {
  signInOutcomes,
  type BlastRadius,
  type BlastRadiusFlow,
  type BlastRadiusOptions,
} from '../conditional-access/blast-radius';
import type { CompiledPolicy } from '../conditional-access/compile-policy';
import type { CompiledTenant } from '../conditional-access/compile-tenant';
import { evaluateRequestConditions } from '../conditional-access/policy-applicability';
import { evaluateFlowForUser, type SignInOutcome } from '../conditional-access/sign-in-flow';
import { compileSignInContext } from '../conditional-access/sign-in-context';

export type OutcomeCounts = Record<SignInOutcome, number>;

export type BlastRadiusRun = {
  userCount: number;
  /** Users evaluated so far. */
  done(): number;
  /** Evaluates up to `maxUsers` more users; true when every user is done. */
  step(maxUsers: number): boolean;
  /** Counts per flow so far (in flow order). */
  counts(): OutcomeCounts[];
  /** The full result, same shape as computeBlastRadius; only once step() returned true. */
  result(): BlastRadius;
};

const emptyCounts = (): OutcomeCounts => ({ granted: 0, interrupted: 0, blocked: 0, unavailable: 0 });

export function startBlastRadiusRun(tenant: CompiledTenant, options: BlastRadiusOptions): BlastRadiusRun {
  const signIn = compileSignInContext(tenant, options.request);
  const requestMasks = evaluateRequestConditions(tenant, signIn);
  const candidates = tenant.policies.filter((p) => requestMasks[p.index] === 0 && p.state === 'enabled');
  const flows: readonly BlastRadiusFlow[] = options.flows;
  const userCount = tenant.users.length;
  const outcomeArrays = flows.map(() => new Uint8Array(userCount));
  const runningCounts = flows.map(emptyCounts);
  const cache = new Map<string, Uint8Array>();
  const scopes = tenant.userScopes;
  const stride = tenant.policies.length;
  const signatureIndex = new Map<string, number>();
  const candidateSignature = Int32Array.from(candidates, (p) => {
    const key = `${p.state}:${p.grant.signature}`;
    if (!signatureIndex.has(key)) signatureIndex.set(key, signatureIndex.size);
    return signatureIndex.get(key) as number;
  });
  const candidateIndex = Int32Array.from(candidates, (p) => p.index);
  const seen = new Uint8Array(signatureIndex.size);
  let next = 0;

  function evaluateUser(u: number): void {
    const user = tenant.users[u];
    if (!user) return;
    const base = u * stride;
    seen.fill(0);
    for (let c = 0; c < candidateIndex.length; c++) if (scopes[base + (candidateIndex[c] as number)] === 1) seen[candidateSignature[c] as number] = 1;
    let key = `${user.registeredMask}`;
    for (let s = 0; s < seen.length; s++) if (seen[s] === 1) key += `,${s}`;
    let outcomes = cache.get(key);
    if (!outcomes) {
      const applicable: CompiledPolicy[] = [];
      const taken = new Uint8Array(seen.length);
      for (let c = 0; c < candidateIndex.length; c++) {
        const sig = candidateSignature[c] as number;
        if (scopes[base + (candidateIndex[c] as number)] === 1 && taken[sig] === 0) {
          taken[sig] = 1;
          applicable.push(candidates[c] as CompiledPolicy);
        }
      }
      outcomes = new Uint8Array(flows.length);
      for (let f = 0; f < flows.length; f++) {
        const flow = flows[f] as BlastRadiusFlow;
        const result = evaluateFlowForUser(tenant, user, applicable, signIn, { methods: flow.methods, passwordForgotten: options.passwordForgotten });
        outcomes[f] = signInOutcomes.indexOf(result.outcome);
      }
      cache.set(key, outcomes);
    }
    for (let f = 0; f < flows.length; f++) {
      const outcome = outcomes[f] ?? 0;
      (outcomeArrays[f] as Uint8Array)[u] = outcome;
      (runningCounts[f] as OutcomeCounts)[signInOutcomes[outcome] as SignInOutcome] += 1;
    }
  }

  return {
    userCount,
    done: () => next,
    step(maxUsers) {
      const end = Math.min(userCount, next + Math.max(1, maxUsers));
      for (; next < end; next++) evaluateUser(next);
      return next >= userCount;
    },
    counts: () => runningCounts.map((c) => ({ ...c })),
    result() {
      const userIds = tenant.users.map((u) => u.id);
      return {
        userCount,
        distinctProfiles: cache.size,
        userIds,
        userPrincipalNames: tenant.users.map((u) => u.userPrincipalName),
        flows: flows.map((flow, f) => {
          const outcomeByUser = outcomeArrays[f] as Uint8Array;
          const users: Record<SignInOutcome, string[]> = { granted: [], interrupted: [], blocked: [], unavailable: [] };
          for (let u = 0; u < userCount; u++) users[signInOutcomes[outcomeByUser[u] ?? 0] as SignInOutcome].push(userIds[u] as string);
          return {
            flowId: flow.id ?? flow.methods.join('+'),
            label: flow.label ?? flow.methods.join(' + '),
            methods: flow.methods,
            counts: { granted: users.granted.length, interrupted: users.interrupted.length, blocked: users.blocked.length, unavailable: users.unavailable.length },
            users,
            outcomeByUser,
          };
        }),
      };
    },
  };
}
