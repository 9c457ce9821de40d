import 'server-only';
// A desk write to AD whose answer was lost (the DC may have applied it: `isOutcomeUnknown` from
// server/ad/ad-connection.ts) is asked of AD before anything is reported, as the self-service reset and
// unlock do (server/hybrid/reconcile-at-source.ts): pwdLastSet for "require a password change", lockoutTime
// for an unlock. Landed: the action succeeded (audited once, the user notified); not landed, or AD cannot be
// asked either: the original error, so the agent is never told "failed" for a change that was made.
import { isAppError } from '@/lib/app-error';

export type ConfirmedWrite<T> = { value: T; isReconciled: boolean };

export async function writeConfirmedAtSource<T>(
  write: () => Promise<T>,
  /** Reads the source after a lost answer: the write's result if it landed, null if it did not. */
  landed: () => Promise<T | null>,
): Promise<ConfirmedWrite<T>> {
  try {
    return { value: await write(), isReconciled: false };
  } catch (error) {
    if (!isAppError(error) || error.details.isOutcomeUnknown !== true) throw error;
    const value = await landed().catch(() => null);
    if (value === null) throw error;
    return { value, isReconciled: true };
  }
}
