import 'server-only';
// A request refused because a dependency was down is audited (ASVS5 16.3.3: security-relevant failures)
// with the route and the dependency, never the driver's text. When the database itself is down the entry
// cannot be written: that is logged, and the readiness probe has already taken the instance out of traffic.
import { isAppError } from '@/lib/app-error';
import { appendAuditEvent } from '../audit/append-audit-event';
import type { PortalContext } from '../context/portal-context';
import { errorSummary } from './request-failure';
import { dependencies, outageOf, type Dependency } from './dependency-outage';

export function outageDependencyOf(error: unknown): Dependency | null {
  if (isAppError(error)) {
    const dependency = error.details.dependency;
    return dependencies.find((known) => known === dependency) ?? null;
  }
  return outageOf(error);
}

export async function auditOutage(
  context: PortalContext,
  routeName: string,
  dependency: Dependency,
  request: Request,
): Promise<void> {
  if (dependency === 'database') return;
  try {
    await appendAuditEvent(context.db, {
      occurredAt: context.clock.now(),
      actorType: 'user',
      actorId: context.actor?.oid ?? null,
      action: `${routeName}.unavailable`,
      outcome: 'failure',
      ip: context.client.ip,
      userAgent: context.client.userAgent,
      details: { dependency, method: request.method, path: new URL(request.url).pathname.slice(0, 200) },
    });
  } catch (error) {
    context.logger.error({ route: routeName, dependency, error: errorSummary(error) }, 'audit of an outage failed');
  }
}
