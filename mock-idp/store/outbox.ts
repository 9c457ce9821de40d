// Where the mock "sends" SMS and voice codes: an append-only log the control API and the demo read.
import type { Store } from './store';

export type OutboxMessage = {
  channel: 'sms' | 'voice';
  to: string;
  userPrincipalName: string;
  body: string;
  code: string;
};

export function sendToOutbox(store: Store, message: OutboxMessage, now: number): void {
  store.append('outbox', now, message);
}

export function readOutbox(
  store: Store,
  filter: { userPrincipalName?: string } = {},
): Array<OutboxMessage & { id: number; sentAt: string }> {
  return store
    .events<OutboxMessage>('outbox', { limit: 200 })
    .filter(
      (e) =>
        !filter.userPrincipalName || e.value.userPrincipalName.toLowerCase() === filter.userPrincipalName.toLowerCase(),
    )
    .map((e) => ({ id: e.id, sentAt: new Date(e.at).toISOString(), ...e.value }));
}
