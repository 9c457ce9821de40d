import 'server-only';
// Enrolling an authenticator app on /account (the portal's own TOTP service). The new secret travels to
// the confirmation step sealed (AES-GCM, bound to the user and a 10-minute window), so nothing is stored
// until the user proves the app works by typing a code. Each change is audited and notified (ASVS5 6.3.7).
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import { getConfig } from '../config';
import { getDatabase } from '../database/database';
import { forgetPendingTotp, keepPendingTotp } from './pending-totp-cookie';
import { recordFactorChange, type FactorChangeDependencies } from './record-factor-change';
import { addPortalCredential, openEnrolment, sealEnrolment } from './sealed-enrolment';
import { sealSecret } from './sealed-secret';
import { matchTotpStep, newTotp, totpIssuer, totpUri } from './totp';

const pendingSchema = z.object({ secret: z.string() });
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
  const window = { userId: user.oid, now, windowMs: enrolmentWindowMs };
  const pending = pendingSealed ? openEnrolment(pendingSchema, pendingSealed, window) : null;
  if (pendingSealed && pending)
    return {
      secretBase32: pending.secret,
      uri: totpUri(pending.secret, user.label),
      sealed: pendingSealed,
      issuer: totpIssuer,
      accountName: user.label,
      isResumed: true,
    };
  const { secretBase32, uri } = newTotp(user.label);
  const sealed = sealEnrolment({ secret: secretBase32 }, user.oid, now);
  return { secretBase32, uri, sealed, issuer: totpIssuer, accountName: user.label, isResumed: false };
}

export async function confirmTotpEnrolment(
  deps: FactorChangeDependencies,
  input: { oid: string; sealed: string; code: string; origin: { ip: string | null; userAgent: string | null } },
  now: Date,
): Promise<void> {
  const pending = openEnrolment(pendingSchema, input.sealed, { userId: input.oid, now, windowMs: enrolmentWindowMs });
  if (!pending)
    throw new AppError('INVALID_INPUT', 'This set-up form has expired. Start again.', { reason: 'enrolmentExpired' });
  const step = matchTotpStep(pending.secret, input.code, now);
  if (step === null) {
    // Keep this secret for the next try: the user's app already holds it.
    await keepPendingTotp(input.sealed);
    throw new AppError('INVALID_INPUT', 'That code is not right. Check the time on your phone and try again.', {
      reason: 'wrongCode',
    });
  }
  await addPortalCredential(
    deps,
    {
      oid: input.oid,
      factor: 'totp',
      origin: input.origin,
      fields: {
        label: 'Authenticator app',
        secretSealed: sealSecret(getConfig().AUTH_SECRET, pending.secret),
        counter: step,
        lastUsedAt: now,
      },
    },
    now,
  );
  await forgetPendingTotp();
}

export async function removePortalCredential(
  deps: FactorChangeDependencies,
  input: { oid: string; credentialId: string; origin: { ip: string | null; userAgent: string | null } },
  now: Date,
): Promise<void> {
  // The owner check is part of the lookup and the delete: nobody removes another user's credential.
  const owned = await deps.db.portalCredential.findFirst({
    where: { id: input.credentialId, userId: input.oid },
    select: { kind: true },
  });
  const notFound = () => new AppError('NOT_FOUND', 'That sign-in method was not found.', { reason: 'notFound' });
  if (!owned) throw notFound();
  const factor = owned.kind === 'passkey' ? 'passkey' : 'totp';
  const change = { oid: input.oid, factor, change: 'removed', origin: input.origin, at: now } as const;
  await recordFactorChange(deps, { ...change, credentialId: input.credentialId }, async (tx) => {
    // The delete decides: a concurrent removal leaves nothing to record (the transaction rolls back).
    const { count } = await tx.portalCredential.deleteMany({ where: { id: input.credentialId, userId: input.oid } });
    if (count === 0) throw notFound();
  });
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
