// Can this user reset a forgotten password with Microsoft Entra MFA today? Entra evaluates Conditional
// Access only after the first factor and never offers Authenticator phone sign-in or Windows Hello after a
// password (concept-authentication-strengths "Limitations"; shared notes), so only a sign-in that starts
// without the password can prove identity when the password is forgotten. The Conditional Access part is
// answered by the engine (lib/conditional-access) for each passwordless method the user has.
import type { AuthenticationMethodMode } from '../conditional-access/authentication-method-mode';

export type ReadinessReason = 'ready' | 'passwordFirstSignIn' | 'noMethodRegistered' | 'blockedByPolicy';
export type ReadinessMethod = { kind: string; isPasswordlessCapable: boolean };

/** Graph authenticationMethod kinds → the sign-in modes they allow (Graph authenticationMethodModes). */
export function modesOf(methods: readonly ReadinessMethod[]): AuthenticationMethodMode[] {
  const modes = new Set<AuthenticationMethodMode>();
  for (const method of methods) {
    if (method.kind === 'password') modes.add('password');
    if (method.kind === 'authenticator') {
      modes.add('microsoftAuthenticatorPush');
      if (method.isPasswordlessCapable) modes.add('deviceBasedPush');
    }
    if (method.kind === 'phone') modes.add('sms');
    if (method.kind === 'fido2') modes.add('fido2');
    if (method.kind === 'windowsHello') modes.add('windowsHelloForBusiness');
    if (method.kind === 'softwareOath') modes.add('softwareOath');
    if (method.kind === 'temporaryAccessPass') modes.add('temporaryAccessPassOneTime');
  }
  return [...modes];
}

export const passwordlessModes: readonly AuthenticationMethodMode[] = [
  'deviceBasedPush',
  'fido2',
  'windowsHelloForBusiness',
];

export type FlowOutcome = { outcome: 'granted' | 'interrupted' | 'blocked' | 'unavailable'; policy?: string };

export function classifyReadiness(
  modes: readonly AuthenticationMethodMode[],
  evaluate: (mode: AuthenticationMethodMode) => FlowOutcome,
): { reason: ReadinessReason; detail?: string; passwordlessModes: AuthenticationMethodMode[] } {
  const passwordless = modes.filter((mode) => passwordlessModes.includes(mode));
  if (passwordless.length === 0) {
    const hasMfa = modes.some((mode) => mode !== 'password');
    return { reason: hasMfa ? 'passwordFirstSignIn' : 'noMethodRegistered', passwordlessModes: [] };
  }
  const outcomes = passwordless.map((mode) => evaluate(mode));
  if (outcomes.some((result) => result.outcome === 'granted'))
    return { reason: 'ready', passwordlessModes: passwordless };
  const blocking = outcomes.find((result) => result.policy)?.policy;
  return { reason: 'blockedByPolicy', ...(blocking ? { detail: blocking } : {}), passwordlessModes: passwordless };
}
