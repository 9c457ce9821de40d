import 'server-only';
// Enrolling an authenticator app on /account (the portal's own TOTP service). The new secret travels to
// the confirmation step sealed (AES-GCM, bound to the user and a 10-minute window), so nothing is stored
// until the user proves the app works by typing a code. Each change is audited and notified (ASVS5 6.3.7).
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import { appendAuditEvent } from '../audit/append-audit-event';
import { getConfig } from '../config';
import { getDatabase } from '../database/database';
import type { DatabaseClient } from '../database/create-database-client';
import { sendEmail } from '../notify/send-email';
import { getUser } from '../graph/users';
import { runInBackground } from '../reset/background-tasks';
import en from '../../messages/en/account.json';
import { translate } from '../../lib/i18n/translate';
import { forgetPendingTotp, keepPendingTotp } from './pending-totp-cookie';
import { openSealedSecret, sealSecret } from './sealed-secret';
import { matchTotpStep, newTotp, totpIssuer, totpUri } from './totp';

const pendingSchema = z.object({ userId: z.string(), secret: z.string(), issuedAt: z.number() });
const enrolmentWindowMs = 10 * 60_000;

export type TotpEnrolmentOffer = {
  secretBase32: string;
  uri: string;
  sealed: string;
  issuer: string;
  accountName: string;
  /** True when this is the secret of an earlier try (a wrong code), which the user's app already holds. */
  isResumed: boolean;
};

/**
 * The secret to set up: the one of an unfinished enrolment of this user (still inside its window) when
 * there is one, otherwise a new one. `pendingSealed` is the sealed offer kept after a wrong code.
 */
export function offerTotpEnrolment(
  user: { oid: string; label: string },
  pendingSealed: string | undefined,
  now: Date,
): TotpEnrolmentOffer {
  const pending = pendingSealed ? openPending(pendingSealed) : null;
  if (pendingSealed && pending && pending.userId === user.oid && now.getTime() - pending.issuedAt <= enrolmentWindowMs)
    return {
      secretBase32: pending.secret,
      uri: totpUri(pending.secret, user.label),
      sealed: pendingSealed,
      issuer: totpIssuer,
      accountName: user.label,
      isResumed: true,
    };
  const { secretBase32, uri } = newTotp(user.label);
  const sealed = sealSecret(
    getConfig().AUTH_SECRET,
    JSON.stringify({ userId: user.oid, secret: secretBase32, issuedAt: now.getTime() }),
  );
  return { secretBase32, uri, sealed, issuer: totpIssuer, accountName: user.label, isResumed: false };
}

function openPending(sealed: string): z.infer<typeof pendingSchema> | null {
  try {
    return pendingSchema.parse(JSON.parse(openSealedSecret(getConfig().AUTH_SECRET, sealed)));
  } catch {
    return null;
  }
}

export async function confirmTotpEnrolment(
  db: DatabaseClient,
  input: { oid: string; sealed: string; code: string; origin: { ip: string | null; userAgent: string | null } },
  now: Date,
): Promise<void> {
  const config = getConfig();
  let pending: z.infer<typeof pendingSchema>;
  try {
    pending = pendingSchema.parse(JSON.parse(openSealedSecret(config.AUTH_SECRET, input.sealed)));
  } catch {
    throw new AppError('INVALID_INPUT', 'This set-up form has expired. Start again.', { reason: 'enrolmentExpired' });
  }
  if (pending.userId !== input.oid || now.getTime() - pending.issuedAt > enrolmentWindowMs)
    throw new AppError('INVALID_INPUT', 'This set-up form has expired. Start again.', { reason: 'enrolmentExpired' });
  const step = matchTotpStep(pending.secret, input.code, now);
  if (step === null) {
    // Keep this secret for the next try: the user's app already holds it.
    await keepPendingTotp(input.sealed);
    throw new AppError('INVALID_INPUT', 'That code is not right. Check the time on your phone and try again.', {
      reason: 'wrongCode',
    });
  }
  await db.portalCredential.create({
    data: {
      id: crypto.randomUUID(),
      userId: input.oid,
      kind: 'totp',
      label: 'Authenticator app',
      secretSealed: sealSecret(config.AUTH_SECRET, pending.secret),
      counter: step,
      createdAt: now,
      lastUsedAt: now,
    },
  });
  await appendAuditEvent(db, {
    occurredAt: now,
    actorType: 'user',
    actorId: input.oid,
    subjectId: input.oid,
    action: 'account.totpEnrolled',
    outcome: 'success',
    ip: input.origin.ip,
    userAgent: input.origin.userAgent,
  });
  await forgetPendingTotp();
  notifyFactorChange(input.oid, 'added');
}

export async function removePortalCredential(
  db: DatabaseClient,
  input: { oid: string; credentialId: string; origin: { ip: string | null; userAgent: string | null } },
  now: Date,
): Promise<void> {
  // The owner check is part of the delete: nobody removes another user's credential.
  const { count } = await db.portalCredential.deleteMany({ where: { id: input.credentialId, userId: input.oid } });
  if (count === 0) throw new AppError('NOT_FOUND', 'That sign-in method was not found.', { reason: 'notFound' });
  await appendAuditEvent(db, {
    occurredAt: now,
    actorType: 'user',
    actorId: input.oid,
    subjectId: input.oid,
    action: 'account.credentialRemoved',
    outcome: 'success',
    ip: input.origin.ip,
    userAgent: input.origin.userAgent,
  });
  notifyFactorChange(input.oid, 'removed');
}

export async function listPortalCredentials(
  oid: string,
): Promise<{ id: string; kind: string; label: string; createdAt: Date; lastUsedAt: Date | null }[]> {
  return getDatabase().portalCredential.findMany({
    where: { userId: oid },
    select: { id: true, kind: true, label: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: 'asc' },
  });
}

function notifyFactorChange(oid: string, change: 'added' | 'removed'): void {
  runInBackground(async () => {
    const user = await getUser(oid);
    const to = user.otherMails?.[0] ?? user.userPrincipalName;
    const values = { name: user.displayName ?? user.userPrincipalName, origin: getConfig().APP_ORIGIN };
    await sendEmail({
      to,
      subject: translate(en, `notify.${change}Subject`),
      text: translate(en, `notify.${change}Text`, values),
    });
  });
}
