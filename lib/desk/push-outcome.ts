// What a finished Authenticator push means for the case. Number matching is mandatory
// (how-to-mfa-number-match): a wrong number is a failed attempt, never an approval. A denial or
// "Report suspicious activity" means the real user did not ask for help: the case ends, supervisors are
// alerted and the user is protected from further desk actions for a while (issue 5, §7).
import type { DeskCaseEndReason } from './desk-case';
import type { DeskPolicy } from './desk-policy';

/** Live states shown to the agent; the channel (mock Graph or real Entra) maps its own to these. */
export const callerPushStatuses = ['pending', 'approved', 'denied', 'expired', 'numberMismatch', 'reported'] as const;
export type CallerPushStatus = (typeof callerPushStatuses)[number];

export type PushOutcome =
  | { kind: 'stillPending' }
  | { kind: 'verified' }
  | { kind: 'failed' }
  | { kind: 'rejectedByUser'; endReason: DeskCaseEndReason; blockedUntil: Date; alertSupervisors: true };

export function pushOutcome(
  status: CallerPushStatus,
  policy: Pick<DeskPolicy, 'blockMinutesAfterRejectedPush'>,
  now: Date,
): PushOutcome {
  switch (status) {
    case 'pending':
      return { kind: 'stillPending' };
    case 'approved':
      return { kind: 'verified' };
    case 'expired':
    case 'numberMismatch':
      return { kind: 'failed' };
    case 'denied':
    case 'reported':
      return {
        kind: 'rejectedByUser',
        endReason: status === 'denied' ? 'pushDenied' : 'pushReported',
        blockedUntil: new Date(now.getTime() + policy.blockMinutesAfterRejectedPush * 60_000),
        alertSupervisors: true,
      };
  }
}
