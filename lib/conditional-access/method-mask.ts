// Sets of authentication method modes as 32-bit masks: the hot paths (strength checks, blast radius) test
// "combination is a subset of methods used" with one AND instead of allocating sets.
import { authenticationMethodModes, type AuthenticationMethodMode } from './authentication-method-mode';

const bitOf = new Map<AuthenticationMethodMode, number>(authenticationMethodModes.map((mode, i) => [mode, 1 << i]));

export function methodBit(mode: AuthenticationMethodMode): number {
  return bitOf.get(mode) ?? 0;
}

export function maskOf(modes: Iterable<AuthenticationMethodMode>): number {
  let mask = 0;
  for (const mode of modes) mask |= methodBit(mode);
  return mask;
}

export function modesOf(mask: number): AuthenticationMethodMode[] {
  return authenticationMethodModes.filter((mode) => (mask & methodBit(mode)) !== 0);
}

export function maskFromSet(modes: ReadonlySet<AuthenticationMethodMode>): number {
  return maskOf(modes);
}
