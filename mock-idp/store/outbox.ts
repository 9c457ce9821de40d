// Where the mock "sends" SMS and voice codes: an append-only log the control API and the demo read.
import { z } from 'zod';
import type { Store } from './store';

const outboxMessageSchema = z.looseObject({
  channel: z.enum(['sms', 'voice']),
  to: z.string(),
  userPrincipalName: z.string(),
  body: z.string(),
  code: z.string(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export function sendToOutbox(store: Store, message: OutboxMessage, now: number): void {
  store.append('outbox', now, message);
}

export function readOutbox(
  store: Store,
  filter: { userPrincipalName?: string } = {},
): Array<OutboxMessage & { id: number; sentAt: string }> {
  return store
    .events('outbox', outboxMessageSchema, { limit: 200 })
    .filter(
      (e) =>
        !filter.userPrincipalName || e.value.userPrincipalName.toLowerCase() === filter.userPrincipalName.toLowerCase(),
    )
    .map((e) => ({ id: e.id, sentAt: new Date(e.at).toISOString(), ...e.value }));
}
