// The portal's services for integration and fuzz tests: the real database (SQLite or PostgreSQL from
// TEST_DATABASE_URL), the validated configuration, in-memory directories, push channel, mail and SMS,
// counting rate limiters, and background work that tests can settle. Each part can be replaced.
import { loadConfig, type Config } from '../config';
import type { DatabaseClient } from '../database/create-database-client';
import { fakeDirectory, fakeLimits, fakeMessenger, fakePushChannel } from '../desk/desk-test-support';
import { noOnPremisesDirectories } from '../hybrid/on-premises-directories';
import { createLogger } from '../log/logger';
import { runInBackground } from '../reset/background-tasks';
import { adele, memoryDirectory, memoryResetLimiters, passwordAndPush } from '../reset/reset-test-support';
import type { PortalActor, PortalServices } from './portal-context';
import type { RouteWiring } from '../http/define-route';

export const testAppOrigin = 'https://portal.contoso.test';

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    APP_ORIGIN: testAppOrigin,
    AUTH_SECRET: 'test-secret-test-secret-test-secret-0000',
    DESK_PRIVILEGED_GROUP_IDS: 'g-breakglass',
    DESK_SUPERVISOR_GROUP_IDS: 'g-supervisors',
    DESK_METHODS: 'authenticatorPush,smsCode,emailCode',
    ...env,
  });
}

export function testServices(db: DatabaseClient, parts: Partial<PortalServices> = {}) {
  const clock = { current: new Date('2026-11-26T09:00:00Z') };
  const mail = fakeMessenger();
  const push = fakePushChannel();
  const deskDirectory = fakeDirectory();
  const services: PortalServices = {
    db,
    directory: {
      desk: deskDirectory.directory,
      reset: memoryDirectory([{ user: adele, methods: passwordAndPush }]),
      onPremises: noOnPremisesDirectories,
    },
    clock: { now: () => clock.current },
    messenger: mail.messenger,
    limiters: {
      desk: fakeLimits({ pushPerTarget: 5 }),
      reset: memoryResetLimiters(1000),
    },
    jobs: { enqueue: (_name, task) => runInBackground(task) },
    logger: createLogger({ level: 'silent' }),
    settings: testConfig(),
    pushChannel: push.channel,
    entraVerification: {
      start: async () => {
        throw new Error('Entra is not configured in this test');
      },
      complete: async () => {
        throw new Error('Entra is not configured in this test');
      },
    },
    ...parts,
  };
  return { services, clock, mail, push, deskDirectory };
}

/** The pipeline's wiring with a fixed signed-in user (or none). */
export function testWiring(services: PortalServices, actor: PortalActor | null): RouteWiring {
  return { services, resolveActor: async () => actor };
}

export const testActors = {
  agent: { oid: 'u-lynne', name: 'Lynne Robbins', email: 'lynne@contoso.test', roles: ['Desk.Agent'] },
  otherAgent: { oid: 'u-other', name: 'Other Agent', email: 'other@contoso.test', roles: ['Desk.Agent'] },
  supervisor: { oid: 'u-grady', name: 'Grady Archie', email: 'grady@contoso.test', roles: ['Desk.Supervisor'] },
  // Signed in with MFA a minute before the services' clock (2026-11-26T09:00Z): fresh for step-up checks.
  admin: {
    oid: 'u-admin',
    name: 'Admin',
    email: 'admin@contoso.test',
    roles: ['Portal.Admin'],
    authTime: Date.parse('2026-11-26T08:59:00Z') / 1000,
    amr: ['pwd', 'mfa'],
  },
  noRole: { oid: 'u-megan', name: 'Megan Bowen', email: 'megan@contoso.test', roles: [] },
} satisfies Record<string, PortalActor>;
