// Sign-in risk, user risk and insider risk (concept-conditional-access-conditions): when configured, the
// request's level (Graph default "none") must be one of the policy's levels.
import { defineCheck } from '../condition-check';

export const signInRiskCheck = defineCheck(
  'signInRisk',
  'The sign-in risk level is one the policy targets.',
  ({ policy, signIn }) => !policy.signInRiskLevels || policy.signInRiskLevels.has(signIn.signInRiskLevel),
  ({ policy, signIn }) =>
    `Sign-in risk is ${signIn.signInRiskLevel}; this policy targets ${[...(policy.signInRiskLevels ?? [])].join(', ')}.`,
  { signInKey: (s) => s.signInRiskLevel },
);

export const userRiskCheck = defineCheck(
  'userRisk',
  'The user risk level is one the policy targets.',
  ({ policy, signIn }) => !policy.userRiskLevels || policy.userRiskLevels.has(signIn.userRiskLevel),
  ({ policy, signIn }) =>
    `User risk is ${signIn.userRiskLevel}; this policy targets ${[...(policy.userRiskLevels ?? [])].join(', ')}.`,
  { signInKey: (s) => s.userRiskLevel },
);

export const insiderRiskCheck = defineCheck(
  'insiderRisk',
  'The insider risk level is one the policy targets.',
  ({ policy, signIn }) => !policy.insiderRiskLevels || policy.insiderRiskLevels.has(signIn.insiderRiskLevel),
  ({ policy, signIn }) =>
    `Insider risk is ${signIn.insiderRiskLevel}; this policy targets ${[...(policy.insiderRiskLevels ?? [])].join(', ')}.`,
  { signInKey: (s) => s.insiderRiskLevel },
);

export const servicePrincipalRiskCheck = defineCheck(
  'signInRisk',
  'The service principal risk level is one the policy targets.',
  ({ policy, signIn }) =>
    !policy.servicePrincipalRiskLevels ||
    signIn.servicePrincipalId === null ||
    policy.servicePrincipalRiskLevels.has(signIn.servicePrincipalRiskLevel),
  ({ signIn }) => `Service principal risk is ${signIn.servicePrincipalRiskLevel}, not a level this policy targets.`,
  { signInKey: (s) => (s.servicePrincipalId === null ? '' : `s${s.servicePrincipalRiskLevel}`) },
);
