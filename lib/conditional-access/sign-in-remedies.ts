// When enforced policies are not yet satisfied: can the user still get in, and how? Three ways, in the order
// Entra offers them: add a registered method in this session; restart with "Sign-in options" using another
// registered first factor (phone sign-in, Windows Hello); or register a method in combined registration
// interrupt mode when the requirement includes one that can be registered there
// (concept-authentication-strength-how-it-works). None of them: blocked.
import { joined, sentence, type EngineText } from './engine-text';
import {
  firstFactorModes,
  interruptRegistrableModes,
  restartOnlyModes,
  secondFactorModes,
  type AuthenticationMethodMode,
} from './authentication-method-mode';
import type { CompiledPolicy, CompiledUser } from './compiled-model';
import { evaluatePolicyGrant, type GrantSession } from './grant-controls';
import { methodBit, modesOf } from './method-mask';

export type RemedyKind = 'addMethods' | 'restartWithSignInOptions' | 'registerMethod' | 'completeInteraction';
export type Remedy = { kind: RemedyKind; methods: AuthenticationMethodMode[]; message: string; text: EngineText };

const maskOfSet = (set: ReadonlySet<AuthenticationMethodMode>): number => {
  let mask = 0;
  for (const mode of set) mask |= methodBit(mode);
  return mask;
};
const secondFactorMask = maskOfSet(secondFactorModes);
const firstFactorMask = maskOfSet(firstFactorModes);
const restartOnlyMask = maskOfSet(restartOnlyModes);
const registrableMask = maskOfSet(interruptRegistrableModes);
const passwordBit = methodBit('password');

function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/** Subsets of `mask` with at most `limit` bits, smallest first. */
function subsetsUpTo(mask: number, limit: number): number[] {
  const bits = modesOf(mask).map(methodBit);
  const out: number[] = [0];
  for (const bit of bits) for (const existing of [...out]) if (popcount(existing) < limit) out.push(existing | bit);
  return out.sort((a, b) => popcount(a) - popcount(b));
}

function allSatisfied(policies: readonly CompiledPolicy[], session: GrantSession, mask: number): boolean {
  // Interactive controls (terms of use, password change) count as done: the user can complete them.
  const fixed: GrantSession = {
    ...session,
    methodsMask: mask,
    hasChangedPassword: true,
    acceptedTermsOfUse: policies.flatMap((p) => p.source.grantControls?.termsOfUse ?? []),
  };
  return policies.every((policy) => evaluatePolicyGrant(policy, fixed).isSatisfied);
}

function keepMinimal(found: number[], candidate: number): boolean {
  return !found.some((f) => (f & candidate) === f);
}

export function findRemedies(
  user: CompiledUser,
  enforcedPolicies: readonly CompiledPolicy[],
  session: GrantSession,
  options: { passwordForgotten: boolean; firstMethod: AuthenticationMethodMode },
): Remedy[] {
  if (session.isLegacyClient) return [];
  const usable = user.usableMask & ~(options.passwordForgotten ? passwordBit : 0);
  const used = session.methodsMask;
  const who = user.userPrincipalName;

  const additions: number[] = [];
  for (const extra of subsetsUpTo(usable & secondFactorMask & ~restartOnlyMask & ~used, 2)) {
    if (keepMinimal(additions, extra) && allSatisfied(enforcedPolicies, session, used | extra)) additions.push(extra);
  }
  if (additions.length > 0) {
    return additions.map((extra) =>
      extra === 0
        ? {
            kind: 'completeInteraction',
            methods: [],
            ...sentence('remedy.completeStep', { user: who }),
          }
        : {
            kind: 'addMethods',
            methods: modesOf(extra),
            ...sentence('remedy.addInSignIn', { user: who, methods: joined('plus', modesOf(extra)) }),
          },
    );
  }

  const restarts: number[] = [];
  for (const first of modesOf(usable & firstFactorMask)) {
    const firstBit = methodBit(first);
    if (first === options.firstMethod) continue;
    for (const extra of subsetsUpTo(usable & secondFactorMask & ~restartOnlyMask & ~firstBit & ~passwordBit, 1)) {
      const mask = firstBit | extra;
      if (keepMinimal(restarts, mask) && allSatisfied(enforcedPolicies, session, mask)) restarts.push(mask);
    }
  }
  if (restarts.length > 0) {
    return restarts.map((mask) => ({
      kind: 'restartWithSignInOptions',
      methods: modesOf(mask),
      ...sentence('remedy.restartAndChoose', { user: who, methods: joined('plus', modesOf(mask)) }),
    }));
  }

  const registrations: Remedy[] = [];
  // Only methods the authentication methods policy allows this user can be registered in interrupt mode.
  for (const mode of modesOf(registrableMask & user.allowedMask & ~user.registeredMask)) {
    if (allSatisfied(enforcedPolicies, session, used | methodBit(mode))) {
      registrations.push({
        kind: 'registerMethod',
        methods: [mode],
        ...sentence('remedy.register', { user: who, method: mode }),
      });
    }
  }
  return registrations;
}
