import 'server-only';
// The desk's server functions take the part of the context they use (DeskDependencies) and the agent as a
// DeskActor; both are read from the one request context here, so there is one wiring for every surface.
import { defaultDeskPolicy, deskVerificationMethods, type DeskVerificationMethod } from '@/lib/desk/desk-policy';
import type { Config } from '../config';
import type { DeskActor } from '../desk/desk-actor';
import type { DeskDependencies, DeskSettings } from '../desk/desk-dependencies';
import { AppError } from '@/lib/app-error';
import type { PortalContext, PortalServices, SignedInContext } from './portal-context';
import { isOneOf } from '@/lib/is-one-of';

export function deskSettingsFrom(config: Config): DeskSettings {
  return {
    appOrigin: config.APP_ORIGIN,
    privilegedGroupIds: config.DESK_PRIVILEGED_GROUP_IDS,
    supervisorGroupIds: config.DESK_SUPERVISOR_GROUP_IDS,
    enabledMethods: config.DESK_METHODS.filter((method): method is DeskVerificationMethod =>
      isOneOf(deskVerificationMethods, method),
    ),
    supervisorAlertEmail: config.DESK_SUPERVISOR_ALERT_EMAIL,
    codeHashKey: config.AUTH_SECRET,
    mfaMaxAgeSeconds: config.PRIVILEGED_ACTION_MFA_MAX_AGE_MINUTES * 60,
  };
}

export function deskDependenciesOf(services: PortalServices): DeskDependencies {
  const config = services.settings;
  return {
    db: services.db,
    directory: services.directory.desk,
    onPremises: services.directory.onPremises,
    pushChannel: services.pushChannel,
    messenger: services.messenger,
    limits: services.limiters.desk,
    policy: {
      ...defaultDeskPolicy,
      windowMinutes: config.DESK_WINDOW_MINUTES,
      blockMinutesAfterRejectedPush: config.DESK_BLOCK_MINUTES,
      temporaryAccessPass: {
        lifetimeMinutes: config.DESK_TAP_LIFETIME_MINUTES,
        isUsableOnce: config.DESK_TAP_ONE_TIME,
      },
    },
    settings: deskSettingsFrom(config),
    now: () => services.clock.now(),
  };
}

export function deskActorOf(context: SignedInContext): DeskActor {
  return {
    oid: context.actor.oid,
    name: context.actor.name,
    roles: context.actor.roles,
    ip: context.client.ip,
    userAgent: context.client.userAgent,
    authTime: context.actor.authTime,
    amr: context.actor.amr,
  };
}

/** The two arguments every desk server function takes, from the one context. */
export function deskArgs(context: PortalContext): [DeskDependencies, DeskActor] {
  if (!context.actor) throw new AppError('UNAUTHORIZED', 'Sign in with Microsoft Entra ID to continue.');
  return [deskDependenciesOf(context), deskActorOf({ ...context, actor: context.actor })];
}
