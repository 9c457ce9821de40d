import 'server-only';
// What the reset pages show: the session's purpose, stars, the service list (the same for every username:
// it never depends on the account) and the CSRF token for the forms. Reads the cookie itself so the pages
// call one function; loadResetProgress is the one load behind it (tests call it with their own dependencies).
import { cookies } from 'next/headers';
import { isAppError } from '../../lib/app-error';
import type { IdentityServiceId, ResetPurpose } from '../../lib/reset/identity-services';
import type { PasswordPolicy } from '../../lib/reset/password-policy';
import { resetGuidance, type ResetGuidance } from '../../lib/reset/reset-guidance';
import { csrfTokenFor } from './http/reset-csrf';
import { readResetCookie } from './http/reset-cookie';
import { resetDependenciesOf } from '../context/reset-view';
import { productionServices } from '../context/production-services';
import { onPremisesPasswordView, type OnPremisesPasswordView } from '../hybrid/on-premises-password-view';
import { sourceOfAuthority } from '../../lib/ad/source-of-authority';
import { requireVerifiedSession } from './change-password';
import type { PasswordSync } from './reset-notifications';
import { reconcileSessionWrite, type WriteSettlement } from './directory-write-intent';
import type { ResetDependencies } from './reset-dependencies';
import { loadResetSession, type LoadedResetSession } from './reset-session-store';
import { loadBreachedPasswordCorpus } from './breached-password-corpus';

export type ResetProgress = {
  purpose: ResetPurpose;
  status: LoadedResetSession['status'];
  stars: number;
  required: number;
  isEnough: boolean;
  isHeldBackByMfaRule: boolean;
  services: { id: IdentityServiceId; stars: number; isVerified: boolean }[];
  csrf: string;
  otherSessionsRevoked: boolean;
  /** Checked against the allow list when the session started. */
  returnUrl: string | null;
  minutesLeft: number;
  /** After a completed reset written to AD: when Microsoft 365 takes the password (AD_PASSWORD_SYNC). */
  passwordSync?: PasswordSync | null;
  /** An Entra round trip was started and the user came back without finishing it (browser Back), and no
   * other service was verified since: the explanation banner shows once, not after later successful checks. */
  hasUnfinishedEntraVerification: boolean;
  /** The user went to Microsoft and came back without Entra MFA (password prompt, cancel, error). */
  isEntraMfaDemoted: boolean;
  guidance: ResetGuidance;
};

/** The session `token` names, or null without one (no cookie, expired, unknown): the page offers to start. */
async function sessionOrNull(deps: ResetDependencies, token: string | undefined): Promise<LoadedResetSession | null> {
  try {
    return await loadResetSession(deps, token);
  } catch (error) {
    if (isAppError(error) && error.code === 'UNAUTHORIZED') return null;
    throw error;
  }
}

/**
 * After a completed reset written to AD: how Microsoft 365 takes the password (AD_PASSWORD_SYNC), at once with
 * pass-through authentication, after the next sync cycle (about two minutes) with password hash sync. Decided
 * from Graph's onPremises* properties alone: no DC round trip on the done page.
 */
async function passwordSyncOf(deps: ResetDependencies, session: LoadedResetSession): Promise<PasswordSync | null> {
  if (session.status !== 'completed' || session.purpose !== 'reset' || !session.row.userId) return null;
  const user = await deps.directory.getUser(String(session.row.userId));
  const source = sourceOfAuthority(user.onPremises, deps.onPremises.domainNames);
  if (source.kind !== 'activeDirectory') return null;
  return deps.onPremises.forDomain(source.domainName)?.passwordSync ?? null;
}

/** The progress of the browser's reset session, or null when there is none (the page offers to start). */
export async function resetProgressForPage(): Promise<ResetProgress | null> {
  const deps = resetDependenciesOf(productionServices());
  return loadResetProgress(deps, readResetCookie(await cookies(), deps.settings));
}

/** The one load behind every reset page: the session, its stars, the Entra round trip's state, the AD sync. */
export async function loadResetProgress(
  deps: ResetDependencies,
  token: string | undefined,
): Promise<ResetProgress | null> {
  const session = await sessionOrNull(deps, token);
  if (!session) return null;
  const { starPolicy } = deps.settings;
  const verified = session.snapshot.verified;
  const unfinished = await deps.db.verificationChallenge.findFirst({
    where: { resetSessionId: session.row.id, service: 'entraMfa', consumedAt: null, expiresAt: { gt: deps.now() } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const triedEntra = await deps.db.verificationChallenge.count({
    where: { resetSessionId: session.row.id, service: 'entraMfa' },
  });
  const isEntraMfaDemoted = triedEntra > 0 && !verified.includes('entraMfa');
  // A successful check for this user after the round trip began (reset-audit.ts records each one). Matched by
  // the user, not by the session reference: each successful step renews the session's id (ASVS5 7.2.4), so the
  // reference of the entry written before the renewal is not the current one.
  const checkedSince =
    unfinished && verified.length > 0 && session.row.userId
      ? await deps.db.auditEvent.count({
          where: {
            action: 'reset.verification',
            outcome: 'success',
            subjectId: session.row.userId,
            occurredAt: { gte: unfinished.createdAt },
          },
        })
      : 0;
  return {
    purpose: session.purpose,
    status: session.status,
    stars: session.score.stars,
    required: session.score.required,
    isEnough: session.score.isEnough,
    isHeldBackByMfaRule: session.score.isHeldBackByMfaRule,
    services: starPolicy.enabledServices.map((id) => ({
      id,
      stars: starPolicy.stars[id],
      isVerified: session.snapshot.verified.includes(id),
    })),
    csrf: csrfTokenFor(deps.settings, String(token)),
    otherSessionsRevoked: session.row.otherSessionsRevokedAt !== null,
    returnUrl: session.row.returnUrl,
    hasUnfinishedEntraVerification: unfinished !== null && !verified.includes('entraMfa') && checkedSince === 0,
    isEntraMfaDemoted,
    guidance: resetGuidance({
      purpose: session.purpose,
      stars: session.score.stars,
      policy: starPolicy,
      verified,
      isEntraMfaDemoted,
    }),
    minutesLeft: Math.max(0, Math.ceil((session.row.expiresAt.getTime() - deps.now().getTime()) / 60_000)),
    passwordSync: await passwordSyncOf(deps, session),
  };
}

/** Tries left on the newest SMS or email code of this session, for the code page's hint; null without one. */
export async function codeTriesLeft(service: 'sms' | 'email'): Promise<number | null> {
  const deps = resetDependenciesOf(productionServices());
  const token = readResetCookie(await cookies(), deps.settings);
  const session = await sessionOrNull(deps, token);
  if (!session) return null;
  const challenge = await deps.db.verificationChallenge.findFirst({
    where: { resetSessionId: session.row.id, service, consumedAt: null, expiresAt: { gt: deps.now() } },
    orderBy: { createdAt: 'desc' },
    select: { attempts: true },
  });
  return challenge ? Math.max(0, deps.settings.maxCodeAttempts - challenge.attempts) : null;
}

/** For the new-password page: the policy and the verified user's name (for the name-parts rule). */
export async function newPasswordPageData(): Promise<{
  csrf: string;
  policy: PasswordPolicy;
  context: { userPrincipalName: string; displayName: string };
  /** The synced user's AD policy rules (or that self-service is refused for them). */
  onPremises: OnPremisesPasswordView;
  /** The part of the breached-password corpus the browser checks while the user types (the server checks all). */
  breachedSubstrings: readonly string[];
} | null> {
  const deps = resetDependenciesOf(productionServices());
  const token = readResetCookie(await cookies(), deps.settings);
  try {
    const session = await requireVerifiedSession(deps, token, 'reset');
    const user = await deps.directory.getUser(String(session.row.userId));
    return {
      csrf: csrfTokenFor(deps.settings, String(token)),
      policy: deps.settings.passwordPolicy,
      context: { userPrincipalName: user.userPrincipalName, displayName: user.displayName },
      onPremises: await onPremisesPasswordView(deps, user),
      breachedSubstrings: (await loadBreachedPasswordCorpus()).substrings,
    };
  } catch (error) {
    if (isAppError(error) && ['UNAUTHORIZED', 'FORBIDDEN', 'EXPIRED'].includes(error.code)) return null;
    throw error;
  }
}

/**
 * The confirming page's question: did the write whose answer was lost land? Reconciles it now (Graph
 * lastPasswordChangeDateTime), so each refresh of the page moves it on; null without a session.
 */
export async function writeConfirmationForPage(): Promise<{
  purpose: ResetPurpose;
  settlement: WriteSettlement | 'none';
} | null> {
  const deps = resetDependenciesOf(productionServices());
  const token = readResetCookie(await cookies(), deps.settings);
  const session = await sessionOrNull(deps, token);
  if (!session) return null;
  if (session.row.completedAt) return { purpose: session.purpose, settlement: 'applied' };
  return { purpose: session.purpose, settlement: (await reconcileSessionWrite(deps, session.row.id)) ?? 'none' };
}
