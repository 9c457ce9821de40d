// Sign-in logs in the shape of Graph's signIn resource (auditLogs/signIns): user, app, IP,
// methods, result, error code and appliedConditionalAccessPolicies with Entra's result values.
import crypto from 'node:crypto';
import { z } from 'zod';
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

// The log as it is read back from the store: what recordSignIn wrote, checked member by member.
export const signInLogEntrySchema = z.looseObject({
  id: z.string(),
  createdDateTime: z.string(),
  userId: z.string(),
  userPrincipalName: z.string(),
  userDisplayName: z.string(),
  appId: z.string(),
  appDisplayName: z.string(),
  ipAddress: z.string(),
  clientAppUsed: z.string(),
  isInteractive: z.boolean(),
  authenticationMethodsUsed: z.array(z.string()),
  authenticationRequirement: z.enum(['singleFactorAuthentication', 'multiFactorAuthentication']),
  conditionalAccessStatus: z.enum(['success', 'failure', 'notApplied']),
  appliedConditionalAccessPolicies: z.array(
    z.looseObject({
      id: z.string(),
      displayName: z.string(),
      result: z.string(),
      enforcedGrantControls: z.array(z.string()).optional(),
      enforcedSessionControls: z.array(z.string()).optional(),
    }),
  ),
  status: z.looseObject({
    errorCode: z.number(),
    failureReason: z.string().nullable(),
    additionalDetails: z.string().nullable(),
  }),
  riskState: z.string().optional(),
}) satisfies z.ZodType<SignInLogEntry>;

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
  return store.events('signIns', signInLogEntrySchema, { limit }).map((e) => e.value);
}
