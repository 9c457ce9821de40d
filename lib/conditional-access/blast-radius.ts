// Blast radius (issue 2, item 8): every user of the tenant through one request (app, network, device) and a set
// of flows, with counts and user lists per outcome, and the difference between two policy sets.
// Fast by construction: user-independent conditions are evaluated once per request; per user only the
// precomputed targeting bytes are read; users with the same applicable policies and the same registered methods
// share one flow evaluation (a few dozen distinct keys for 100,000 users in practice).
import type { AuthenticationMethodMode } from './authentication-method-mode';
import type { CompiledPolicy, CompiledTenant } from './compiled-model';
import { evaluateRequestConditions } from './policy-applicability';
import { evaluateFlowForUser, type SignInOutcome } from './sign-in-flow';
import { compileSignInContext } from './sign-in-context';
import { userIncluded } from './user-scope-matrix';
import type { WhatIfRequestWithoutUser } from './what-if-request-schema';

export type BlastRadiusFlow = { id?: string; label?: string; methods: readonly AuthenticationMethodMode[] };

export type BlastRadiusOptions = {
  request: WhatIfRequestWithoutUser;
  flows: readonly BlastRadiusFlow[];
  passwordForgotten?: boolean;
};

export const signInOutcomes: readonly SignInOutcome[] = ['granted', 'interrupted', 'blocked', 'unavailable'];

export type BlastRadiusFlowResult = {
  flowId: string;
  label: string;
  methods: readonly AuthenticationMethodMode[];
  counts: Record<SignInOutcome, number>;
  /** User ids per outcome. */
  users: Record<SignInOutcome, string[]>;
  /** Outcome per user index (index into signInOutcomes), for diffs. */
  outcomeByUser: Uint8Array;
};

export type BlastRadius = {
  userCount: number;
  /** Distinct (applicable policies, registered methods) groups actually evaluated. */
  distinctProfiles: number;
  userIds: readonly string[];
  userPrincipalNames: readonly string[];
  flows: BlastRadiusFlowResult[];
};

export function computeBlastRadius(tenant: CompiledTenant, options: BlastRadiusOptions): BlastRadius {
  const run = startBlastRadiusRun(tenant, options);
  run.step(run.userCount);
  return run.result();
}

// The evaluation cut into resumable slices of users, so the portal can stream counts, show progress and stop
// when an admin cancels without freezing its event loop on a 100,000-user tenant; computeBlastRadius is one
// step over everyone. Fast by construction (see the header): request conditions once, targeting bytes per user,
// one flow evaluation per distinct profile.
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

/**
 * One user's outcomes (per flow, as indices into signInOutcomes) for a request, cached by profile: users with the
 * same methods and the same applicable grant signatures share one flow evaluation. Shared by the full run and the
 * incremental re-evaluation after a policy edit (incremental-blast-radius.ts).
 */
export type UserOutcomeEvaluator = { outcomesOf(userIndex: number): Uint8Array; distinctProfiles(): number };

export function createUserOutcomeEvaluator(tenant: CompiledTenant, options: BlastRadiusOptions): UserOutcomeEvaluator {
  const signIn = compileSignInContext(tenant, options.request);
  const requestMasks = evaluateRequestConditions(tenant, signIn);
  const candidates = tenant.policies.filter((p) => requestMasks[p.index] === 0 && p.state === 'enabled');
  const flows: readonly BlastRadiusFlow[] = options.flows;
  const cache = new Map<number, { profile: Int32Array; outcomes: Uint8Array }[]>();
  let profileCount = 0;
  const { cells, rowBytes } = tenant.userScopes;
  const signatureIndex = new Map<string, number>();
  const candidateSignature = Int32Array.from(candidates, (p) => {
    const key = `${p.state}:${p.grant.signature}`;
    const known = signatureIndex.get(key);
    if (known !== undefined) return known;
    signatureIndex.set(key, signatureIndex.size);
    return signatureIndex.size - 1;
  });
  // Each candidate's cell in a user's row of the scope matrix as one number read per user: the byte in the row
  // (high bits) and the shift of its two bits (low three bits).
  const candidateCell = Int32Array.from(candidates, (p) => ((p.index >> 2) << 3) | ((p.index & 3) << 1));
  const isIncluded = (base: number, c: number): boolean => {
    const cell = candidateCell[c] ?? 0;
    return (((cells[base + (cell >> 3)] ?? 0) >> (cell & 7)) & 3) === userIncluded;
  };
  const seen = new Uint8Array(signatureIndex.size);
  // The user's profile as numbers: three method masks, then the sorted signatures that apply. Profiles are found
  // by a hash of those numbers and confirmed number by number; a string key per user was most of a million-user run.
  const profile = new Int32Array(3 + signatureIndex.size);
  const none = new Uint8Array(flows.length);
  const { registeredMask, usableMask, allowedMask } = tenant.userColumns;

  function evaluate(u: number): Uint8Array {
    const user = tenant.userAt(u);
    if (!user) return none;
    const base = u * rowBytes;
    const applicable: CompiledPolicy[] = [];
    const taken = new Uint8Array(seen.length);
    for (let c = 0; c < candidates.length; c++) {
      const sig = candidateSignature[c] ?? 0;
      const candidate = candidates[c];
      if (candidate && isIncluded(base, c) && taken[sig] === 0) {
        taken[sig] = 1;
        applicable.push(candidate);
      }
    }
    const outcomes = new Uint8Array(flows.length);
    flows.forEach((flow, f) => {
      const result = evaluateFlowForUser(tenant, user, applicable, signIn, {
        methods: flow.methods,
        passwordForgotten: options.passwordForgotten,
      });
      outcomes[f] = signInOutcomes.indexOf(result.outcome);
    });
    return outcomes;
  }

  function outcomesOf(u: number): Uint8Array {
    if (u < 0 || u >= tenant.userCount) return none;
    const base = u * rowBytes;
    seen.fill(0);
    // The hot loop of a million-user run: isIncluded written out.
    for (let c = 0; c < candidateCell.length; c++) {
      const cell = candidateCell[c] ?? 0;
      if ((((cells[base + (cell >> 3)] ?? 0) >> (cell & 7)) & 3) === userIncluded) seen[candidateSignature[c] ?? 0] = 1;
    }
    profile[0] = registeredMask[u] ?? 0;
    profile[1] = usableMask[u] ?? 0;
    profile[2] = allowedMask[u] ?? 0;
    let length = 3;
    for (let s = 0; s < seen.length; s++) if (seen[s] === 1) profile[length++] = s;
    let hash = 0x811c9dc5;
    for (let i = 0; i < length; i++) hash = Math.imul(hash ^ (profile[i] ?? 0), 0x01000193);
    const bucket = cache.get(hash);
    if (bucket)
      for (const entry of bucket)
        if (entry.profile.length === length && sameNumbers(entry.profile, profile, length)) return entry.outcomes;
    const entry = { profile: profile.slice(0, length), outcomes: evaluate(u) };
    if (bucket) bucket.push(entry);
    else cache.set(hash, [entry]);
    profileCount++;
    return entry.outcomes;
  }
  return { outcomesOf, distinctProfiles: () => profileCount };
}

function sameNumbers(a: Int32Array, b: Int32Array, length: number): boolean {
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The result shape from per-flow outcome arrays (one byte per user). Counts are read from the bytes; the user-id
 * lists per outcome are built on first read (a getter), since most callers only need the counts and the bytes and
 * building 7 lists of 100,000 ids costs more than the incremental re-evaluation itself. `identity` passes the
 * user id and UPN lists of a previous radius of the same directory instead of building them again.
 */
export function blastRadiusFromOutcomes(
  tenant: CompiledTenant,
  flows: readonly BlastRadiusFlow[],
  outcomeArrays: readonly Uint8Array[],
  distinctProfiles: number,
  identity?: Pick<BlastRadius, 'userIds' | 'userPrincipalNames'>,
): BlastRadius {
  const userCount = tenant.userCount;
  // The id and UPN lists (a million strings each) are built on first read, like the per-outcome lists below.
  let userIds: readonly string[] | undefined;
  let userPrincipalNames: readonly string[] | undefined;
  const idsOf = (): readonly string[] => (userIds ??= identity?.userIds ?? tenant.source.users.map((u) => u.id));
  return {
    userCount,
    distinctProfiles,
    get userIds(): readonly string[] {
      return idsOf();
    },
    get userPrincipalNames(): readonly string[] {
      return (userPrincipalNames ??=
        identity?.userPrincipalNames ?? tenant.source.users.map((u) => u.userPrincipalName));
    },
    flows: flows.map((flow, f) => {
      const outcomeByUser = outcomeArrays[f] ?? new Uint8Array(userCount);
      const tally = new Int32Array(signInOutcomes.length);
      for (let u = 0; u < userCount; u++) {
        const outcome = outcomeByUser[u] ?? 0;
        tally[outcome] = (tally[outcome] ?? 0) + 1;
      }
      let users: Record<SignInOutcome, string[]> | undefined;
      return {
        flowId: flow.id ?? flow.methods.join('+'),
        label: flow.label ?? flow.methods.join(' + '),
        methods: flow.methods,
        counts: {
          granted: tally[0] ?? 0,
          interrupted: tally[1] ?? 0,
          blocked: tally[2] ?? 0,
          unavailable: tally[3] ?? 0,
        },
        get users(): Record<SignInOutcome, string[]> {
          if (users) return users;
          users = { granted: [], interrupted: [], blocked: [], unavailable: [] };
          const ids = idsOf();
          const lists = [users.granted, users.interrupted, users.blocked, users.unavailable];
          for (let u = 0; u < userCount; u++) lists[outcomeByUser[u] ?? 0]?.push(ids[u] ?? '');
          return users;
        },
        outcomeByUser,
      };
    }),
  };
}

export function startBlastRadiusRun(tenant: CompiledTenant, options: BlastRadiusOptions): BlastRadiusRun {
  const evaluator = createUserOutcomeEvaluator(tenant, options);
  const flows = options.flows;
  const userCount = tenant.userCount;
  const outcomeArrays = flows.map(() => new Uint8Array(userCount));
  // tallies[f * 4 + outcome]: a typed-array increment per user and flow, not a property written by name.
  const tallies = new Int32Array(flows.length * signInOutcomes.length);
  let next = 0;

  function evaluateUser(u: number): void {
    const outcomes = evaluator.outcomesOf(u);
    for (let f = 0; f < outcomeArrays.length; f++) {
      const outcome = outcomes[f] ?? 0;
      const array = outcomeArrays[f];
      if (array) array[u] = outcome;
      const cell = f * signInOutcomes.length + outcome;
      tallies[cell] = (tallies[cell] ?? 0) + 1;
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
    counts: () =>
      flows.map((_, f) => {
        const at = f * signInOutcomes.length;
        return {
          granted: tallies[at] ?? 0,
          interrupted: tallies[at + 1] ?? 0,
          blocked: tallies[at + 2] ?? 0,
          unavailable: tallies[at + 3] ?? 0,
        };
      }),
    result: () => blastRadiusFromOutcomes(tenant, flows, outcomeArrays, evaluator.distinctProfiles()),
  };
}

export type BlastRadiusChange = {
  userId: string;
  userPrincipalName: string;
  before: SignInOutcome;
  after: SignInOutcome;
};

export type BlastRadiusDiff = {
  changedUserCount: number;
  flows: {
    flowId: string;
    label: string;
    changes: BlastRadiusChange[];
    newlyBlocked: string[];
    newlyGranted: string[];
    newlyInterrupted: string[];
    newlyUnavailable: string[];
  }[];
};

/** Users whose outcome differs between two blast radii of the same tenant users (e.g. before/after a policy edit). */
export function diffBlastRadius(before: BlastRadius, after: BlastRadius): BlastRadiusDiff {
  const afterIndex = new Map(after.userIds.map((id, i) => [id, i]));
  const changedUsers = new Set<string>();
  const flows = before.flows.map((beforeFlow) => {
    const afterFlow = after.flows.find((f) => f.flowId === beforeFlow.flowId);
    const changes: BlastRadiusChange[] = [];
    if (afterFlow) {
      before.userIds.forEach((userId, i) => {
        const j = afterIndex.get(userId);
        if (j === undefined) return;
        const was = signInOutcomes[beforeFlow.outcomeByUser[i] ?? 0] ?? 'granted';
        const now = signInOutcomes[afterFlow.outcomeByUser[j] ?? 0] ?? 'granted';
        if (was !== now) {
          changes.push({ userId, userPrincipalName: before.userPrincipalNames[i] ?? userId, before: was, after: now });
          changedUsers.add(userId);
        }
      });
    }
    const to = (outcome: SignInOutcome): string[] => changes.filter((c) => c.after === outcome).map((c) => c.userId);
    return {
      flowId: beforeFlow.flowId,
      label: beforeFlow.label,
      changes,
      newlyBlocked: to('blocked'),
      newlyGranted: to('granted'),
      newlyInterrupted: to('interrupted'),
      newlyUnavailable: to('unavailable'),
    };
  });
  return { changedUserCount: changedUsers.size, flows };
}
