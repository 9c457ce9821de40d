import 'server-only';
// The four desk actions, each allowed only by lib/desk's gate: unlock; send a reset link to a contact
// of record (the user sets the password in the reset portal); issue a Temporary Access Pass (returned
// once, to be read to the user, never stored or logged); require a password change at next sign-in.
// No action takes or shows a password (ASVS5 6.4.6). Every attempt is audited and the user notified.
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import { decideDeskAction } from '../../lib/desk/decide-desk-action';
import { deskActions, type DeskAction } from '../../lib/desk/desk-policy';
import { agentRoles, assertDeskRole, type DeskActor } from './desk-actor';
import { auditDesk } from './desk-audit';
import { assertCaseAgent, deskCaseFacts, loadDeskCase, type LoadedDeskCase } from './desk-case-store';
import type { DeskDependencies } from './desk-dependencies';
import type { DeskDirectoryUser } from './desk-directory';
import { writeConfirmedAtSource } from '../hybrid/confirm-at-source';
import { atSourceOfAuthority } from '../hybrid/desk-on-premises';
import { resolvePasswordAuthority } from '../hybrid/password-authority';
import { deskRefusalError } from './desk-refusal-error';
import { runCommittedJob, writeOutboxJobs } from '../jobs/outbox';
import { deskNoticeOutboxJob, deskOutboxHandlers } from './desk-notice-job';
import { deskActionNotices } from './notify-desk-action';
import { refreshDeskCase } from './refresh-desk-case';
import { assertFreshDeskMfa, stepUpDeskActions } from './desk-step-up';
import { freshnessDetails, type MfaFreshness } from '../../lib/auth/mfa-freshness';

export const deskActionSchema = z.object({ caseId: z.uuid(), action: z.enum(deskActions) });

export type DeskActionResult =
  | { action: 'unlock'; wasLocked: boolean }
  | { action: 'sendResetLink'; sentTo: 'alternateEmail' | 'mobilePhone' }
  | {
      action: 'issueTemporaryAccessPass';
      temporaryAccessPass: string;
      lifetimeInMinutes: number;
      isUsableOnce: boolean;
    }
  | { action: 'requirePasswordChange' };

/**
 * The reset portal's start page, built from APP_ORIGIN, never from the Host header (FPCS). The username is
 * not put in the URL: the user types it, and the portal verifies them again with their own methods.
 */
export function resetLinkFor(appOrigin: string): string {
  return new URL('/reset', appOrigin).toString();
}

async function sendResetLink(
  deps: DeskDependencies,
  loaded: LoadedDeskCase,
  user: DeskDirectoryUser,
): Promise<'alternateEmail' | 'mobilePhone'> {
  const link = resetLinkFor(deps.settings.appOrigin);
  // Prefer the channel the caller just proved (a code read back from it), else the alternate email, else SMS.
  const provedSms = loaded.row.verifications.some((v) => v.method === 'smsCode' && v.status === 'verified');
  const alternateEmail = user.otherMails[0] ?? null;
  if (alternateEmail && !provedSms) {
    await deps.messenger.sendEmail({
      to: alternateEmail,
      subject: 'Set a new password',
      text: `The service desk sent you this link to set a new password for ${user.userPrincipalName}:\n\n${link}\n\nYou will verify yourself again in the portal. If you did not call the service desk, ignore this message and contact IT security.`,
    });
    return 'alternateEmail';
  }
  if (user.mobilePhone) {
    await deps.messenger.sendSms({
      to: user.mobilePhone,
      body: `Service desk: set a new password for ${user.userPrincipalName} at ${link}`,
    });
    return 'mobilePhone';
  }
  throw new AppError('CONFLICT', 'No alternate email or mobile number on record to send the link to.');
}

/** An action's result, and whether it was confirmed by reading AD after its answer was lost. */
type ActionOutcome = { result: DeskActionResult; isReconciled: boolean };

async function runAction(
  deps: DeskDependencies,
  action: DeskAction,
  loaded: LoadedDeskCase,
  user: DeskDirectoryUser,
): Promise<ActionOutcome> {
  const done = (result: DeskActionResult): ActionOutcome => ({ result, isReconciled: false });
  switch (action) {
    case 'unlock': {
      // AD: lockoutTime=0, a real unlock; Entra: the smart-lockout extension (server/graph/users.ts). A lost AD
      // answer is settled by reading lockoutTime back (server/hybrid/confirm-at-source.ts).
      const unlocked = await atSourceOfAuthority(deps.onPremises, user, deps.now(), {
        entra: async () => ({ value: await deps.directory.unlock(user.id), isReconciled: false }),
        activeDirectory: (ad) =>
          writeConfirmedAtSource(
            () => ad.directory.unlock(ad.securityIdentifier),
            async () => {
              const now = await resolvePasswordAuthority(user, deps.onPremises, deps.now());
              if (now.kind !== 'activeDirectory' || now.report.lockout.isLocked) return null;
              return { wasLocked: ad.report.account.lockedSince !== null };
            },
          ),
      });
      return { result: { action, ...unlocked.value }, isReconciled: unlocked.isReconciled };
    }
    case 'sendResetLink':
      return done({ action, sentTo: await sendResetLink(deps, loaded, user) });
    case 'issueTemporaryAccessPass': {
      const tap = await deps.directory.createTemporaryAccessPass(user.id, {
        lifetimeInMinutes: deps.policy.temporaryAccessPass.lifetimeMinutes,
        isUsableOnce: deps.policy.temporaryAccessPass.isUsableOnce,
      });
      return done({
        action,
        temporaryAccessPass: tap.temporaryAccessPass,
        lifetimeInMinutes: tap.lifetimeInMinutes,
        isUsableOnce: tap.isUsableOnce,
      });
    }
    case 'requirePasswordChange': {
      // AD: pwdLastSet=0 (Graph refuses passwordProfile for synced users); Entra: forceChangePasswordNextSignIn.
      // A lost AD answer is settled by reading pwdLastSet back: 0 (no date) means the change landed.
      const required = await atSourceOfAuthority(deps.onPremises, user, deps.now(), {
        entra: async () => ({
          value: await deps.directory.requirePasswordChangeAtNextSignIn(user.id),
          isReconciled: false,
        }),
        activeDirectory: (ad) =>
          writeConfirmedAtSource(
            () => ad.directory.requirePasswordChangeAtNextSignIn(ad.securityIdentifier),
            async () => ((await ad.directory.passwordLastSet(ad.securityIdentifier)) === null ? undefined : null),
          ),
      });
      return { result: { action }, isReconciled: required.isReconciled };
    }
  }
}

export async function performDeskAction(
  deps: DeskDependencies,
  actor: DeskActor,
  input: unknown,
): Promise<DeskActionResult> {
  assertDeskRole(actor, agentRoles);
  const { caseId, action } = deskActionSchema.parse(input);
  await refreshDeskCase(deps, actor, caseId);
  const loaded = await loadDeskCase(deps.db, caseId);
  assertCaseAgent(loaded, actor.oid);
  const decision = decideDeskAction(deskCaseFacts(loaded), action, deps.policy, deps.now());
  if (!decision.isAllowed) {
    await auditDesk(deps, actor, {
      action: `desk.action.${action}`,
      outcome: 'denied',
      subjectId: loaded.row.targetId,
      details: { caseId, refusal: decision.refusal },
    });
    throw deskRefusalError(decision.refusal);
  }
  const freshness: MfaFreshness | null = stepUpDeskActions.includes(action)
    ? await assertFreshDeskMfa(deps, actor, { action: `desk.action.${action}`, subjectId: loaded.row.targetId, caseId })
    : null;
  const user = await deps.directory.getUser(loaded.row.targetId);
  let result: DeskActionResult;
  let isReconciled: boolean;
  try {
    ({ result, isReconciled } = await runAction(deps, action, loaded, user));
  } catch (error) {
    await auditDesk(deps, actor, {
      action: `desk.action.${action}`,
      outcome: 'failure',
      subjectId: user.id,
      details: {
        caseId,
        error: error instanceof AppError ? error.code : 'INTERNAL',
        ...(error instanceof AppError && error.reason ? { reason: error.reason } : {}),
      },
    });
    throw error;
  }
  const at = deps.now();
  const details: Record<string, string | number | boolean> = { caseId, methods: decision.countedMethods.join(',') };
  if (result.action === 'unlock') details.wasLocked = result.wasLocked;
  if (result.action === 'sendResetLink') details.sentTo = result.sentTo;
  if (result.action === 'issueTemporaryAccessPass')
    Object.assign(details, { lifetimeInMinutes: result.lifetimeInMinutes, isUsableOnce: result.isUsableOnce });
  if (loaded.row.approvedBy) details.approvedBy = loaded.row.approvedBy;
  // AD's answer was lost and the change was read back from AD (pwdLastSet, lockoutTime) instead.
  if (isReconciled) details.confirmedBy = 'readBack';
  if (freshness) Object.assign(details, freshnessDetails(freshness));
  // The notice is committed before anything else can fail, so the user hears of a change that was made.
  const emails = deskActionNotices(user, action, actor.name, at);
  const notice = deskNoticeOutboxJob(
    {
      emails,
      audit: {
        action: 'desk.user.notified',
        subjectId: user.id,
        details: { caseId, about: action, addresses: emails.length },
      },
      actor: { oid: actor.oid, name: actor.name, ip: actor.ip, userAgent: actor.userAgent },
    },
    `${caseId}:${action}:${at.getTime()}`,
    at,
  );
  await writeOutboxJobs(deps, [notice]);
  await auditDesk(deps, actor, { action: `desk.action.${action}`, outcome: 'success', subjectId: user.id, details });
  await runCommittedJob(deps, notice, deskOutboxHandlers(deps));
  return result;
}
