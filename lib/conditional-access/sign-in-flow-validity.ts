// Can the user perform this sequence of methods at all? (concept-authentication-methods,
// troubleshoot-authentication-strengths). A method that isn't registered, a forgotten password, a method that
// can't start a sign-in, or Authenticator phone sign-in / Windows Hello after another factor make the flow
// "unavailable" before Conditional Access is ever evaluated. So does a registered method the tenant's
// authentication methods policy does not let this user use.
import { sentence, type EngineText } from './engine-text';
import {
  firstFactorModes,
  restartOnlyModes,
  secondFactorModes,
  type AuthenticationMethodMode,
} from './authentication-method-mode';
import type { CompiledUser } from './compiled-model';

export type FlowValidityCode =
  | 'methodNotRegistered'
  | 'methodNotAllowed'
  | 'passwordForgotten'
  | 'notAFirstFactor'
  | 'restartWithSignInOptions'
  | 'notASecondFactor'
  | 'legacyClientPasswordOnly';

export type FlowValidityProblem = {
  code: FlowValidityCode;
  message: string;
  text: EngineText;
  method: AuthenticationMethodMode;
};

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
        ...sentence('validity.passwordForgotten', { user: who }),
      });
    } else if (!user.registeredMethods.includes(method)) {
      problems.push({
        code: 'methodNotRegistered',
        method,
        ...sentence('validity.methodNotRegistered', { user: who, method }),
      });
    } else {
      // Registered is not enough: the authentication methods policy (or a retirement) may forbid it
      // (method-availability.ts).
      const restriction = user.methodRestrictions.find((r) => r.method === method);
      if (restriction)
        problems.push({ code: 'methodNotAllowed', method, message: restriction.message, text: restriction.text });
    }
    if (i === 0) {
      if (!firstFactorModes.has(method)) {
        problems.push({
          code: 'notAFirstFactor',
          method,
          ...sentence('validity.notAFirstFactor', { method }),
        });
      }
    } else if (restartOnlyModes.has(method)) {
      problems.push({
        code: 'restartWithSignInOptions',
        method,
        ...sentence('validity.notOfferedAfterFirst', { method, first: methods[0] ?? '' }),
      });
    } else if (!secondFactorModes.has(method)) {
      problems.push({ code: 'notASecondFactor', method, ...sentence('validity.notASecondFactor', { method }) });
    }
  });
  // Legacy authentication sends a username and password only (concept-conditional-access-conditions).
  if (options.isLegacyClient && (methods.length !== 1 || methods[0] !== 'password')) {
    problems.push({
      code: 'legacyClientPasswordOnly',
      method: methods[0] ?? 'password',
      ...sentence('validity.legacyPasswordOnly'),
    });
  }
  return problems;
}
