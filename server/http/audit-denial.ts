import 'server-only';
// Every refused request is audited (ASVS5 16.3.2): who (the actor when known), from where (the client
// address from TRUSTED_PROXY_HOPS), which route, and why. Never the body. An audit failure is logged and
// does not turn the refusal into a 500.
import { appendAuditEvent } from '../audit/append-audit-event';
import type { PortalContext } from '../context/portal-context';
import { errorSummary } from './request-failure';
import type { RequestFailure } from './request-failure';

export async function auditDenial(
  context: PortalContext,
  routeName: string,
  failure: RequestFailure,
  where: { method: string; url: string },
): Promise<void> {
  try {
    await appendAuditEvent(context.db, {
      occurredAt: context.clock.now(),
      actorType: context.actor?.roles.some((role) => role.startsWith('Desk.')) ? 'agent' : 'user',
      actorId: context.actor?.oid ?? null,
      action: `${routeName}.denied`,
      outcome: 'denied',
      ip: context.client.ip,
      userAgent: context.client.userAgent,
      details: {
        code: failure.code,
        reason: failure.reason ?? null,
        method: where.method,
        path: new URL(where.url).pathname.slice(0, 200),
      },
    });
  } catch (error) {
    context.logger.error({ route: routeName, error: errorSummary(error) }, 'audit of a denial failed');
  }
}
