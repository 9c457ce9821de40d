// Sign-in logs in the shape of Graph's signIn resource (auditLogs/signIns): user, app, IP,
// methods, result, error code and appliedConditionalAccessPolicies with Entra's result values.
import crypto from 'node:crypto';
import type { AppliedConditionalAccessPolicy } from '../interaction/conditional-access-gate';
import type { Store } from './store';

export type SignInLogEntry = {
  id: string;
  createdDateTime: string;
  userId: string;
  userPrincipalName: string;
  userDisplayName: string;
  appId: string;
  appDisplayName: string;
  ipAddress: string;
  clientAppUsed: string;
  isInteractive: boolean;
  authenticationMethodsUsed: string[];
  authenticationRequirement: 'singleFactorAuthentication' | 'multiFactorAuthentication';
  conditionalAccessStatus: 'success' | 'failure' | 'notApplied';
  appliedConditionalAccessPolicies: AppliedConditionalAccessPolicy[];
  status: { errorCode: number; failureReason: string | null; additionalDetails: string | null };
  riskState?: string;
};

// Entra error codes (reference-error-codes) the mock reports.
export const signInErrorCodes = {
  success: 0,
  invalidPassword: 50126,
  accountLocked: 50053,
  userNotFound: 50034,
  blockedByConditionalAccess: 53003,
  strongAuthRequired: 50074,
  mfaDenied: 500121,
  pushRateLimited: 50199,
  invalidCode: 50181,
  strengthNotMet: 53003,
  accountDisabled: 50057,
  // Pass-through authentication: the agent could not reach Active Directory.
  passThroughUnavailable: 80001,
} as const;

export type SignInLogInput = Omit<
  SignInLogEntry,
  'id' | 'createdDateTime' | 'conditionalAccessStatus' | 'authenticationRequirement'
> & {
  conditionalAccessStatus?: SignInLogEntry['conditionalAccessStatus'];
};

export function recordSignIn(store: Store, input: SignInLogInput, now: number): SignInLogEntry {
  const enforced = input.appliedConditionalAccessPolicies.filter(
    (p) => p.result === 'success' || p.result === 'failure',
  );
  const entry: SignInLogEntry = {
    ...input,
    id: crypto.randomUUID(),
    createdDateTime: new Date(now).toISOString(),
    authenticationRequirement:
      input.authenticationMethodsUsed.length >= 2 ||
      input.authenticationMethodsUsed.some((m) => ['deviceBasedPush', 'fido2', 'windowsHelloForBusiness'].includes(m))
        ? 'multiFactorAuthentication'
        : 'singleFactorAuthentication',
    conditionalAccessStatus:
      input.conditionalAccessStatus ??
      (enforced.length === 0 ? 'notApplied' : enforced.some((p) => p.result === 'failure') ? 'failure' : 'success'),
  };
  store.append('signIns', now, entry);
  return entry;
}

export function readSignInLogs(store: Store, limit = 200): SignInLogEntry[] {
  return store.events<SignInLogEntry>('signIns', { limit }).map((e) => e.value);
}
