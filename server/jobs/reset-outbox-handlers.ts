import 'server-only';
// Every outbox job the reset portal writes, by name, for the sweep (server/jobs/outbox.ts).
import type { ResetDependencies } from '../reset/reset-dependencies';
import { notifyChangeHandler, notifyChangeJob } from '../reset/notify-user';
import { auditResetHandler, auditResetJob } from '../reset/reset-audit';
import { resetStartedHandler, startedJob } from '../reset/start-reset-session';
import { deliverCodeHandler, deliverCodeJob } from '../reset/verification-codes';
import type { OutboxHandlers } from './outbox';

export function resetOutboxHandlers(deps: ResetDependencies): OutboxHandlers {
  return {
    [startedJob]: resetStartedHandler(deps),
    [deliverCodeJob]: deliverCodeHandler(deps),
    [auditResetJob]: auditResetHandler(deps),
    [notifyChangeJob]: notifyChangeHandler(deps),
  };
}
