// What the desk's route handlers answer, as the console reads it: one schema per answer, the browser's types
// inferred from them, so a changed or truncated answer is an unexpected failure in the console instead of a
// typed value that breaks a render later. The server builds these (server/desk/*);
// app/desk/_components/desk-answers.test.ts keeps each schema's type equal to the server's as JSON carries it
// (dates as ISO strings).
import { z } from 'zod';
import { deskVerificationMethods } from './desk-policy';

const contactChannel = z.enum(['alternateEmail', 'mobilePhone']);

const registeredMethod = z.object({ type: z.string(), id: z.string(), label: z.string().nullable() });

const onPremisesView = z.discriminatedUnion('source', [
  z.object({ source: z.literal('entra') }),
  z.object({
    source: z.literal('activeDirectory'),
    domainName: z.string(),
    lockout: z.object({
      isLocked: z.boolean(),
      lockedSince: z.string().nullable(),
      badPasswordCount: z.number(),
      unlocksAt: z.string().nullable(),
    }),
    lockoutDurationMinutes: z.number().nullable(),
    policyName: z.string(),
    policySource: z.enum(['domain', 'fineGrained']),
    refusals: z.array(z.string()),
    isProtected: z.boolean(),
  }),
  z.object({
    source: z.literal('unserved'),
    gap: z.enum(['adIdentityMissing', 'adDomainNotConnected', 'adAccountNotFound']),
  }),
  z.object({ source: z.literal('unavailable') }),
]);

const availableMethod = z.object({
  method: z.enum(deskVerificationMethods),
  isAvailable: z.boolean(),
  isStrong: z.boolean(),
  reason: z.enum(['available', 'noAuthenticator', 'noMobilePhone', 'noAlternateEmail', 'noContact', 'notEnabled']),
});

/** GET /api/desk/users/{id} (server/desk/load-user-card.ts). */
export const userCardSchema = z.object({
  user: z.object({
    id: z.string(),
    userPrincipalName: z.string(),
    displayName: z.string(),
    accountEnabled: z.boolean(),
    hasMobilePhone: z.boolean(),
    hasAlternateEmail: z.boolean(),
  }),
  methods: z.array(registeredMethod),
  defaultMethod: z.string().nullable(),
  lockout: z.object({ isLockedOut: z.boolean(), lastLockoutAt: z.string().nullable() }),
  onPremises: onPremisesView,
  privilege: z.object({
    isPrivileged: z.boolean(),
    isSupervisor: z.boolean(),
    directoryRoles: z.array(z.string()),
    privilegedGroups: z.array(z.string()),
  }),
  availableMethods: z.array(availableMethod),
  recentActivity: z.array(z.object({ at: z.string(), action: z.string(), outcome: z.string() })),
  repeatedRequests: z.object({
    isRepeated: z.boolean(),
    priorCases: z.number(),
    byOtherAgents: z.number(),
    rejectedPushes: z.number(),
    since: z.string(),
    lookBackDays: z.number(),
  }),
  blockedUntil: z.string().nullable(),
  isOwnAccount: z.boolean(),
});
export type UserCardAnswer = z.infer<typeof userCardSchema>;

/** POST /api/desk/search (server/desk/search-desk-users.ts). */
export const searchAnswerSchema = z.array(
  z.object({ id: z.string(), userPrincipalName: z.string(), displayName: z.string(), mail: z.string().nullable() }),
);
export type SearchAnswer = z.infer<typeof searchAnswerSchema>;

/** POST /api/desk/cases (server/desk/open-desk-case.ts). */
export const openedCaseSchema = z.object({ caseId: z.string() });

/** POST /api/desk/cases/{id}/codes and /link (server/desk/code-verification.ts, entra-link-verification.ts). */
export const sentVerificationSchema = z.object({ verificationId: z.string(), sentTo: contactChannel });

/** POST /api/desk/cases/{id}/codes/{verificationId} (server/desk/code-verification.ts). */
export const checkedCodeSchema = z.object({ isVerified: z.boolean(), attemptsLeft: z.number() });

/** POST /api/desk/cases/{id}/actions (server/desk/perform-desk-action.ts). */
export const actionAnswerSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('unlock'), wasLocked: z.boolean() }),
  z.object({ action: z.literal('sendResetLink'), sentTo: contactChannel }),
  z.object({
    action: z.literal('issueTemporaryAccessPass'),
    temporaryAccessPass: z.string(),
    lifetimeInMinutes: z.number(),
    isUsableOnce: z.boolean(),
  }),
  z.object({ action: z.literal('requirePasswordChange') }),
]);

/** An answer the console does not read (push started, approval given or requested): any JSON will do. */
export const unreadAnswerSchema = z.unknown();
