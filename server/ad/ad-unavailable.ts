import 'server-only';
// The one refusal for "no DC answered in time": a 503 with a sentence a user can act on. The cause kept
// for the server log never contains the bind password (ldapts errors carry none; we add none).
import { AppError } from '@/lib/app-error';

export function adUnavailable(cause: unknown): AppError {
  return new AppError(
    'UNAVAILABLE',
    'Your organisation’s on-premises directory cannot be reached right now. Nothing was changed; try again in a few minutes.',
    { reason: 'adUnavailable', cause: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause) },
  );
}

/** A write was sent and its answer lost: it may have been applied. Reconciled, never reported as "nothing changed". */
export function adOutcomeUnknown(cause: unknown): AppError {
  return new AppError('UNAVAILABLE', 'Active Directory did not confirm the change in time.', {
    reason: 'adOutcomeUnknown',
    isOutcomeUnknown: true,
    cause: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause),
  });
}
