// In-memory stand-ins for the directory, the push channel, mail/SMS and rate limits, for the desk's
// integration tests (the database is real: createTestDatabase). Test support only.
import { noOnPremisesDirectories } from '../hybrid/on-premises-directories';
import { AppError } from '../../lib/app-error';
import { defaultDeskPolicy } from '../../lib/desk/desk-policy';
import type { CallerPushStatus } from '../../lib/desk/push-outcome';
import type { DirectoryObject } from '../../lib/desk/target-privilege';
import type { DatabaseClient } from '../database/create-database-client';
import type { CallerPushChannel } from './caller-push-channel';
import type { DeskActor } from './desk-actor';
import type { DeskDependencies, DeskLimitKind } from './desk-dependencies';
import type { DeskDirectory, DeskDirectoryUser, RegisteredMethod } from './desk-directory';

type FakeUser = DeskDirectoryUser & {
  methods: RegisteredMethod[];
  memberOf: DirectoryObject[];
  isLocked: boolean;
  mustChangePassword: boolean;
};

const authenticator: RegisteredMethod = { type: 'microsoftAuthenticator', id: 'm-auth', label: 'Phone' };
const group = (id: string): DirectoryObject => ({ '@odata.type': '#microsoft.graph.group', id, displayName: id });

export function fakeUsers(): FakeUser[] {
  const base = {
    otherMails: [] as string[],
    accountEnabled: true,
    isLocked: false,
    mustChangePassword: false,
    mobilePhone: null as string | null,
  };
  return [
    {
      ...base,
      id: 'u-pradeep',
      userPrincipalName: 'pradeep.gupta@contoso.test',
      displayName: 'Pradeep Gupta',
      mail: 'pradeep.gupta@contoso.test',
      mobilePhone: '+1 555 0102',
      otherMails: ['pradeep.gupta@personal.test'],
      methods: [authenticator],
      memberOf: [group('g-staff')],
      isLocked: true,
    },
    {
      ...base,
      id: 'u-megan',
      userPrincipalName: 'megan.bowen@contoso.test',
      displayName: 'Megan Bowen',
      mail: 'megan.bowen@contoso.test',
      mobilePhone: '+1 555 0105',
      otherMails: ['megan.bowen@personal.test'],
      methods: [{ type: 'phone', id: 'm-phone', label: null }],
      memberOf: [],
    },
    {
      ...base,
      id: 'u-isaiah',
      userPrincipalName: 'isaiah.langer@contoso.test',
      displayName: 'Isaiah Langer',
      mail: 'isaiah.langer@contoso.test',
      otherMails: ['isaiah.langer@personal.test'],
      methods: [authenticator],
      memberOf: [{ '@odata.type': '#microsoft.graph.directoryRole', id: 'r-ga', displayName: 'Global Administrator' }],
    },
    {
      ...base,
      id: 'u-grady',
      userPrincipalName: 'grady.archie@contoso.test',
      displayName: 'Grady Archie',
      mail: 'grady.archie@contoso.test',
      methods: [authenticator],
      memberOf: [group('g-supervisors')],
    },
    {
      ...base,
      id: 'u-lynne',
      userPrincipalName: 'lynne.robbins@contoso.test',
      displayName: 'Lynne Robbins',
      mail: 'lynne.robbins@contoso.test',
      methods: [authenticator],
      memberOf: [],
    },
  ];
}

export function fakeDirectory(users = fakeUsers()) {
  const find = (id: string) => {
    const user = users.find((u) => u.id === id || u.userPrincipalName === id);
    if (!user) throw new AppError('NOT_FOUND', `No user ${id}`);
    return user;
  };
  const strip = ({
    methods: _m,
    memberOf: _g,
    isLocked: _l,
    mustChangePassword: _p,
    ...user
  }: FakeUser): DeskDirectoryUser => user;
  const issued: string[] = [];
  const directory: DeskDirectory = {
    searchUsers: async (query) =>
      users
        .filter((u) =>
          `${u.displayName} ${u.userPrincipalName} ${u.mobilePhone ?? ''}`.toLowerCase().includes(query.toLowerCase()),
        )
        .map(strip),
    getUser: async (id) => strip(find(id)),
    listAuthenticationMethods: async (id) => find(id).methods,
    defaultSignInMethod: async () => 'push',
    listTransitiveMemberOf: async (id) => find(id).memberOf,
    lastLockoutSince: async (id) => (find(id).isLocked ? new Date('2026-11-26T08:59:00Z') : null),
    unlock: async (id) => {
      const user = find(id);
      const wasLocked = user.isLocked;
      user.isLocked = false;
      return { wasLocked };
    },
    createTemporaryAccessPass: async (_id, options) => {
      const pass = `TAP-${issued.length + 1}-secret`;
      issued.push(pass);
      return { temporaryAccessPass: pass, methodId: `tap-${issued.length}`, startDateTime: null, ...options };
    },
    requirePasswordChangeAtNextSignIn: async (id) => {
      find(id).mustChangePassword = true;
    },
  };
  return { directory, users, issued };
}

export function fakePushChannel() {
  const pushes = new Map<string, { userId: string; number: number; status: CallerPushStatus }>();
  const channel: CallerPushChannel = {
    sendPush: async ({ userId }) => {
      const pushId = `push-${pushes.size + 1}`;
      const number = 10 + pushes.size;
      pushes.set(pushId, { userId, number, status: 'pending' });
      return { pushId, number, expiresAt: new Date('2026-11-26T09:10:00Z') };
    },
    pushStatus: async ({ pushId }) => pushes.get(pushId)?.status ?? 'expired',
  };
  /** What the user does on their phone. */
  const answer = (status: CallerPushStatus, pushId = `push-${pushes.size}`) => {
    const push = pushes.get(pushId);
    if (push) push.status = status;
  };
  return { channel, pushes, answer };
}

export function fakeMessenger() {
  const emails: { to: string; subject: string; text: string }[] = [];
  const sms: { to: string; body: string }[] = [];
  return {
    emails,
    sms,
    messenger: {
      sendEmail: async (m: (typeof emails)[number]) => {
        emails.push(m);
      },
      sendSms: async (m: (typeof sms)[number]) => {
        sms.push(m);
      },
    },
  };
}

export function fakeLimits(points: Partial<Record<DeskLimitKind, number>> = {}) {
  const used = new Map<string, number>();
  return {
    consume: async (kind: DeskLimitKind, key: string) => {
      const count = (used.get(`${kind}:${key}`) ?? 0) + 1;
      used.set(`${kind}:${key}`, count);
      return { allowed: count <= (points[kind] ?? 100), retryAfterSeconds: 60 };
    },
  };
}

export function createDeskTestKit(db: DatabaseClient, start = new Date('2026-11-26T09:00:00Z')) {
  const clock = { now: start };
  const directory = fakeDirectory();
  const push = fakePushChannel();
  const mail = fakeMessenger();
  const deps: DeskDependencies = {
    db,
    directory: directory.directory,
    onPremises: noOnPremisesDirectories,
    pushChannel: push.channel,
    messenger: mail.messenger,
    limits: fakeLimits({ pushPerTarget: 5 }),
    policy: defaultDeskPolicy,
    settings: {
      appOrigin: 'https://portal.contoso.test',
      privilegedGroupIds: ['g-breakglass'],
      supervisorGroupIds: ['g-supervisors'],
      enabledMethods: ['authenticatorPush', 'smsCode', 'emailCode'],
      supervisorAlertEmail: 'desk-supervisors@contoso.test',
      codeHashKey: 'test-key-0123456789abcdef0123456789',
      mfaMaxAgeSeconds: 15 * 60,
    },
    now: () => clock.now,
  };
  const advance = (minutes: number) => {
    clock.now = new Date(clock.now.getTime() + minutes * 60_000);
  };
  return { deps, directory, push, mail, clock, advance };
}

const actor = (oid: string, name: string, roles: DeskActor['roles']): DeskActor => ({
  oid,
  name,
  roles,
  ip: '203.0.113.7',
  userAgent: 'vitest',
  // Signed in with password and push a minute before the kit's clock starts (2026-11-26T09:00Z).
  authTime: Date.parse('2026-11-26T08:59:00Z') / 1000,
  amr: ['pwd', 'rsa', 'mfa'],
});
export const lynneAgent = actor('u-lynne', 'Lynne Robbins', ['Desk.Agent']);
export const otherAgent = actor('u-other', 'Other Agent', ['Desk.Agent']);
export const gradySupervisor = actor('u-grady', 'Grady Archie', ['Desk.Supervisor']);
export const pattiAuditor = actor('u-patti', 'Patti Fernandez', ['Desk.Auditor', 'Portal.Admin']);
export const nobody = actor('u-megan', 'Megan Bowen', []);

/** A new kit on a database emptied of the desk's rows (cases, verifications, blocks, audit entries, jobs). */
export async function freshDeskTestKit(db: DatabaseClient): Promise<ReturnType<typeof createDeskTestKit>> {
  await db.deskVerification.deleteMany({});
  await db.deskCase.deleteMany({});
  await db.deskTargetBlock.deleteMany({});
  await db.auditEvent.deleteMany({});
  await db.outboxJob.deleteMany({});
  return createDeskTestKit(db);
}
