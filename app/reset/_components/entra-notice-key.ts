// `?entra=` on the services page: the Entra round trip's outcome as a message key. Keyed by the closed outcome
// union (server/reset/entra-reset-verification.ts): a new outcome does not compile until it has a sentence.
import { isKeyOf } from '@/lib/is-key-of';
import type resetMessages from '@/messages/en/reset.json';
import type { EntraReturn } from '@/server/reset/entra-reset-verification';

type EntraNoticeKey = keyof (typeof resetMessages)['services']['entra'];

type EntraOutcome = 'verified' | Extract<EntraReturn, { outcome: 'failed' }>['reason'];

const entraNoticeKeys: Record<EntraOutcome, EntraNoticeKey> = {
  verified: 'verified',
  cancelled: 'cancelled',
  entraError: 'entraError',
  missingCode: 'failed',
  stateMismatch: 'failed',
  bindingMismatch: 'failed',
  tokenExchangeFailed: 'failed',
  nonceMismatch: 'failed',
  wrongIssuer: 'failed',
  oidMismatch: 'oidMismatch',
  staleAuthentication: 'staleAuthentication',
  noMfaEvidence: 'noMfaEvidence',
  noPendingVerification: 'noPendingVerification',
};

/** `?entra=`: the round trip's outcome, or a pipeline failure's reason (which gets the general sentence). */
export function entraNoticeKey(reason: string | undefined): string | null {
  if (!reason) return null;
  return `reset.services.entra.${isKeyOf(entraNoticeKeys, reason) ? entraNoticeKeys[reason] : 'failed'}`;
}
