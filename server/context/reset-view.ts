import 'server-only';
// The reset functions take the part of the context they use (ResetDependencies), read from the one request
// context here.
import type { ResetDependencies } from '../reset/reset-dependencies';
import { resetSettingsFrom } from '../reset/reset-settings';
import type { PortalServices } from './portal-context';

export function resetDependenciesOf(services: PortalServices): ResetDependencies {
  return {
    db: services.db,
    directory: services.directory.reset,
    onPremises: services.directory.onPremises,
    settings: resetSettingsFrom(services.settings),
    entra: services.entraVerification,
    now: () => services.clock.now(),
    sendEmail: (message) => services.messenger.sendEmail(message),
    sendSms: (message) => services.messenger.sendSms(message),
    limiters: services.limiters.reset,
    inBackground: (task) => services.jobs.enqueue('reset', task),
  };
}
