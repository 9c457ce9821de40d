import 'server-only';
// CallerPushChannel over the mock Entra's mock-only Graph extension `users/{id}/mockVerificationPushes`
// (mock-idp/graph/verification-push-routes.ts). Real Entra has no such public API: see
// docs/service-desk.md for the integration point and how to plug in another channel.
import { z } from 'zod';
import { callerPushStatuses } from '../../lib/desk/push-outcome';
import { graphRequest } from '../graph/graph-client';
import type { CallerPushChannel } from './caller-push-channel';

const created = z.looseObject({
  id: z.string(),
  number: z.number().int().min(10).max(99),
  expiresDateTime: z.string(),
});
const status = z.looseObject({ status: z.enum(callerPushStatuses) });
const pushes = (userId: string) => `/users/${encodeURIComponent(userId)}/mockVerificationPushes`;

export const graphMockPushChannel: CallerPushChannel = {
  async sendPush({ userId, appName, location }) {
    const push = await graphRequest('POST', pushes(userId), { body: { appName, location }, schema: created });
    return { pushId: push.id, number: push.number, expiresAt: new Date(push.expiresDateTime) };
  },
  async pushStatus({ userId, pushId }) {
    return (await graphRequest('GET', `${pushes(userId)}/${encodeURIComponent(pushId)}`, { schema: status })).status;
  },
};
