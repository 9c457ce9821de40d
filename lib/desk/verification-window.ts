// The verification window: actions are possible only for `windowMinutes` after the caller was first
// verified in this case (default 15), shown to the agent as a countdown. After it, the agent must start
// a new case and verify again, so a verification cannot be reused later in the day.
import { firstVerifiedAt, type DeskCaseFacts } from './desk-case';
import type { DeskPolicy } from './desk-policy';

export type VerificationWindow =
  | { state: 'notStarted' }
  | { state: 'open'; opensAt: Date; closesAt: Date; secondsLeft: number }
  | { state: 'closed'; opensAt: Date; closesAt: Date };

export function verificationWindow(
  deskCase: Pick<DeskCaseFacts, 'verifications'>,
  policy: Pick<DeskPolicy, 'windowMinutes'>,
  now: Date,
): VerificationWindow {
  const opensAt = firstVerifiedAt(deskCase);
  if (!opensAt) return { state: 'notStarted' };
  const closesAt = new Date(opensAt.getTime() + policy.windowMinutes * 60_000);
  if (now.getTime() >= closesAt.getTime()) return { state: 'closed', opensAt, closesAt };
  return { state: 'open', opensAt, closesAt, secondsLeft: Math.ceil((closesAt.getTime() - now.getTime()) / 1000) };
}
