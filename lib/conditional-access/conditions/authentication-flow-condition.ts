// Authentication flows (concept-authentication-flows): device code flow and authentication transfer.
import { defineCheck } from '../condition-check';

export const authenticationFlowCheck = defineCheck(
  'authenticationFlow',
  'The authentication flow (device code, authentication transfer) is one the policy targets.',
  ({ policy, signIn }) =>
    !policy.transferMethods || (signIn.transferMethod !== null && policy.transferMethods.has(signIn.transferMethod)),
  ({ policy, signIn }) =>
    `The sign-in uses ${signIn.transferMethod ?? 'no transfer method'}; this policy targets ${[...(policy.transferMethods ?? [])].join(', ')}.`,
  { signInKey: (s) => (s.transferMethod === null ? '' : `t${s.transferMethod}`) },
);
