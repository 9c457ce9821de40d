import 'server-only';
// Every outbox job any surface writes, by name, for the sweep each instance runs (server/jobs/outbox.ts):
// the reset portal's, the account page's factor changes, readiness reminders, the desk's notices.
import { factorChangeOutboxHandlers } from '../account/record-factor-change';
import { registrationReminderHandlers } from '../account/registration-reminder';
import type { PortalServices } from '../context/portal-context';
import { deskDependenciesOf } from '../context/desk-view';
import { resetDependenciesOf } from '../context/reset-view';
import { deskOutboxHandlers } from '../desk/desk-notice-job';
import type { OutboxHandlers } from './outbox';
import { resetOutboxHandlers } from './reset-outbox-handlers';

export function portalOutboxHandlers(services: PortalServices): OutboxHandlers {
  return {
    ...resetOutboxHandlers(resetDependenciesOf(services)),
    ...factorChangeOutboxHandlers(services),
    ...registrationReminderHandlers(services),
    ...deskOutboxHandlers(deskDependenciesOf(services)),
  };
}
