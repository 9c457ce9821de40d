import 'server-only';
// The user card: registered methods, default method, lockout, privileged status (directory roles or a
// configured group), recent desk and self-service activity from the audit log, and a warning when the
// user was the subject of another desk request in the last days (repeated calls = social engineering).
import { availableDeskMethods, type AvailableDeskMethod } from '../../lib/desk/available-desk-methods';
import { repeatedRequestWarning, type RepeatedRequestWarning } from '../../lib/desk/repeated-request-warning';
import {
  deskAuthorityOf,
  deskOnPremisesView,
  withOnPremisesPrivilege,
  type DeskOnPremisesView,
} from '../hybrid/desk-on-premises';
import { targetPrivilege, type TargetPrivilege } from '../../lib/desk/target-privilege';
import { agentRoles, assertDeskRole, type DeskActor } from './desk-actor';
import { auditDesk } from './desk-audit';
import type { DeskDependencies } from './desk-dependencies';
import type { DeskDirectoryUser, RegisteredMethod } from './desk-directory';

export type UserCard = {
  user: Pick<DeskDirectoryUser, 'id' | 'userPrincipalName' | 'displayName' | 'accountEnabled'> & {
    hasMobilePhone: boolean;
    hasAlternateEmail: boolean;
  };
  methods: RegisteredMethod[];
  defaultMethod: string | null;
  lockout: { isLockedOut: boolean; lastLockoutAt: string | null };
  /** Source of authority: for a synced user AD's lockout (locked since, bad password count, duration). */
  onPremises: DeskOnPremisesView;
  privilege: TargetPrivilege;
  availableMethods: AvailableDeskMethod[];
  recentActivity: { at: string; action: string; outcome: string }[];
  repeatedRequests: RepeatedRequestWarning;
  blockedUntil: string | null;
  isOwnAccount: boolean;
};

/** Authenticator registrations count for the push (Graph microsoftAuthenticatorAuthenticationMethod). */
export function hasAuthenticatorApp(methods: readonly RegisteredMethod[]): boolean {
  return methods.some((m) => m.type === 'microsoftAuthenticator');
}

export async function loadUserCard(deps: DeskDependencies, actor: DeskActor, userId: string): Promise<UserCard> {
  assertDeskRole(actor, agentRoles);
  const now = deps.now();
  const [user, methods, defaultMethod, memberOf] = await Promise.all([
    deps.directory.getUser(userId),
    deps.directory.listAuthenticationMethods(userId),
    deps.directory.defaultSignInMethod(userId),
    deps.directory.listTransitiveMemberOf(userId),
  ]);
  // Entra smart lockout lasts a minute by default and grows on repeat (howto-password-smart-lockout);
  // a lockout seen in the last hour is worth showing, the newest within 60 minutes is treated as current.
  const lastLockout = await deps.directory.lastLockoutSince(user.id, new Date(now.getTime() - 60 * 60_000));
  const authority = await deskAuthorityOf(deps.onPremises, user, now);
  const [activity, priorCases, block] = await Promise.all([
    deps.db.auditEvent.findMany({
      where: { subjectId: user.id, action: { not: 'desk.userCard.viewed' } },
      orderBy: { seq: 'desc' },
      take: 10,
      select: { occurredAt: true, action: true, outcome: true },
    }),
    deps.db.deskCase.findMany({
      where: { targetId: user.id },
      orderBy: { createdAt: 'desc' },
      take: 50,
      select: { id: true, agentId: true, createdAt: true, endedReason: true },
    }),
    deps.db.deskTargetBlock.findUnique({ where: { targetId: user.id } }),
  ]);
  const alternateEmail = user.otherMails[0] ?? null;
  // Looking at someone's sign-in methods is itself worth a trace (ASVS5 16.2).
  await auditDesk(deps, actor, { action: 'desk.userCard.viewed', outcome: 'info', subjectId: user.id });
  return {
    user: {
      id: user.id,
      userPrincipalName: user.userPrincipalName,
      displayName: user.displayName,
      accountEnabled: user.accountEnabled,
      hasMobilePhone: Boolean(user.mobilePhone),
      hasAlternateEmail: Boolean(alternateEmail),
    },
    methods,
    defaultMethod,
    lockout: { isLockedOut: lastLockout !== null, lastLockoutAt: lastLockout?.toISOString() ?? null },
    onPremises: deskOnPremisesView(authority),
    privilege: withOnPremisesPrivilege(targetPrivilege(memberOf, deps.settings), authority),
    availableMethods: availableDeskMethods(
      { hasAuthenticatorApp: hasAuthenticatorApp(methods), mobilePhone: user.mobilePhone, alternateEmail },
      deps.settings.enabledMethods,
      deps.policy,
    ),
    recentActivity: activity.map((a) => ({ at: a.occurredAt.toISOString(), action: a.action, outcome: a.outcome })),
    repeatedRequests: repeatedRequestWarning(priorCases, {
      currentCaseId: null,
      agentId: actor.oid,
      lookBackDays: deps.policy.repeatedRequestDays,
      now,
    }),
    blockedUntil: block && block.blockedUntil > now ? block.blockedUntil.toISOString() : null,
    isOwnAccount: user.id.toLowerCase() === actor.oid.toLowerCase(),
  };
}
