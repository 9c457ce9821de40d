// The case as the console shows it (server/desk/desk-case-view.ts builds it, the console reads it from the
// server-sent events): one schema for the boundary, the type inferred from it, so what the browser receives is
// checked rather than assumed.
import { z } from 'zod';
import { isKeyOf } from '../is-key-of';
import type { DeskActionRefusal } from './decide-desk-action';
import type { DeskAction } from './desk-policy';

const refusals: Record<DeskActionRefusal, true> = {
  ownAccount: true,
  supervisorAccount: true,
  targetBlocked: true,
  caseEnded: true,
  notVerified: true,
  windowExpired: true,
  notEnoughVerification: true,
  needsStrongMethod: true,
  needsSecondMethod: true,
  needsSupervisorApproval: true,
};

const refusalSchema = z.custom<DeskActionRefusal>((value) => typeof value === 'string' && isKeyOf(refusals, value));
const actionStateSchema = z.object({ isAllowed: z.boolean(), refusal: refusalSchema.nullable() });

export const deskCaseViewSchema = z.object({
  id: z.string(),
  target: z.object({
    id: z.string(),
    userPrincipalName: z.string(),
    displayName: z.string(),
    isPrivileged: z.boolean(),
  }),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
  endedReason: z.string().nullable(),
  blockedUntil: z.string().nullable(),
  verifications: z.array(
    z.object({
      id: z.string(),
      method: z.string(),
      status: z.string(),
      detail: z.string(),
      number: z.number().nullable(),
      createdAt: z.string(),
      completedAt: z.string().nullable(),
      expiresAt: z.string(),
    }),
  ),
  window: z.object({
    state: z.enum(['notStarted', 'open', 'closed']),
    closesAt: z.string().nullable(),
    secondsLeft: z.number(),
  }),
  actions: z.object({
    unlock: actionStateSchema,
    sendResetLink: actionStateSchema,
    issueTemporaryAccessPass: actionStateSchema,
    requirePasswordChange: actionStateSchema,
  } satisfies Record<DeskAction, typeof actionStateSchema>),
  approval: z.object({
    requestedAt: z.string().nullable(),
    approvedByName: z.string().nullable(),
    approvedAt: z.string().nullable(),
    canRequest: z.boolean(),
  }),
  serverTime: z.string(),
});

export type DeskCaseView = z.infer<typeof deskCaseViewSchema>;
