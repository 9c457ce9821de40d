// Can the user perform this sequence of methods at all? (concept-authentication-methods,
// troubleshoot-authentication-strengths). A method that isn't registered, a forgotten password, a method that
// can't start a sign-in, or Authenticator phone sign-in / Windows Hello after another factor make the flow
// "unavailable" before Conditional Access is ever evaluated.
import {
  firstFactorModes,
  restartOnlyModes,
  secondFactorModes,
  type AuthenticationMethodMode,
} from './authentication-method-mode';
import type { CompiledUser } from './compiled-model';

export type FlowValidityCode =
  | 'methodNotRegistered'
  | 'passwordForgotten'
  | 'notAFirstFactor'
  | 'restartWithSignInOptions'
  | 'notASecondFactor'
  | 'legacyClientPasswordOnly';

export type FlowValidityProblem = { code: FlowValidityCode; message: string; method: AuthenticationMethodMode };

export function findFlowValidityProblems(
  user: CompiledUser,
  methods: readonly AuthenticationMethodMode[],
  options: { passwordForgotten: boolean; isLegacyClient: boolean },
): FlowValidityProblem[] {
  const problems: FlowValidityProblem[] = [];
  const who = user.userPrincipalName;
  methods.forEach((method, i) => {
    if (method === 'password' && options.passwordForgotten) {
      problems.push({
        code: 'passwordForgotten',
        method,
        message: `${who} has forgotten the password, so no flow that types it can be used.`,
      });
    } else if (!user.registeredMethods.includes(method)) {
      problems.push({ code: 'methodNotRegistered', method, message: `${who} has not registered ${method}.` });
    }
    if (i === 0) {
      if (!firstFactorModes.has(method)) {
        problems.push({
          code: 'notAFirstFactor',
          method,
          message: `${method} cannot start a sign-in; it is only offered after a first factor.`,
        });
      }
    } else if (restartOnlyModes.has(method)) {
      problems.push({
        code: 'restartWithSignInOptions',
        method,
        message: `${method} is not offered after ${methods[0]}: the user must restart and choose it under "Sign-in options".`,
      });
    } else if (!secondFactorModes.has(method)) {
      problems.push({ code: 'notASecondFactor', method, message: `${method} cannot be used as a second factor.` });
    }
  });
  // Legacy authentication sends a username and password only (concept-conditional-access-conditions).
  if (options.isLegacyClient && (methods.length !== 1 || methods[0] !== 'password')) {
    problems.push({
      code: 'legacyClientPasswordOnly',
      method: methods[0] ?? 'password',
      message: 'Legacy authentication clients can only send a password.',
    });
  }
  return problems;
}
