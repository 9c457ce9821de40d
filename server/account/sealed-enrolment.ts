import 'server-only';
// What an /account enrolment carries from its offer to its confirmation (the WebAuthn challenge, the new TOTP
// secret): sealed with AUTH_SECRET (AES-GCM, sealed-secret.ts), bound to the user and to a time window, so
// nothing is stored until the user proves the new factor works. And the one write when they have: the
// credential, with its audit entry and notices (record-factor-change.ts, ASVS5 6.3.7).
import { z } from 'zod';
import { getConfig } from '../config';
import type { Prisma } from '../../generated/prisma/sqlite/client';
import { recordFactorChange, type FactorChangeDependencies, type FactorKind } from './record-factor-change';
import { openSealedSecret, sealSecret } from './sealed-secret';

const boundSchema = z.object({ userId: z.string(), issuedAt: z.number() });

/** Seals `fields` for the confirmation step, bound to `userId` and to `now`. */
export function sealEnrolment(fields: Record<string, string>, userId: string, now: Date): string {
  return sealSecret(getConfig().AUTH_SECRET, JSON.stringify({ ...fields, userId, issuedAt: now.getTime() }));
}

/**
 * The sealed fields, or null when they are not this user's, older than `windowMs`, altered or unreadable: every
 * such case is "this set-up has expired" to the user.
 */
export function openEnrolment<S extends z.ZodObject>(
  fields: S,
  sealed: string,
  expected: { userId: string; now: Date; windowMs: number },
): z.output<S> | null {
  let value: unknown;
  try {
    value = JSON.parse(openSealedSecret(getConfig().AUTH_SECRET, sealed));
  } catch {
    return null;
  }
  const bound = boundSchema.safeParse(value);
  const parsed = fields.safeParse(value);
  if (!bound.success || !parsed.success) return null;
  const isInWindow = expected.now.getTime() - bound.data.issuedAt <= expected.windowMs;
  return bound.data.userId === expected.userId && isInWindow ? parsed.data : null;
}

type NewCredentialFields = Omit<Prisma.PortalCredentialUncheckedCreateInput, 'id' | 'userId' | 'kind' | 'createdAt'>;

/** Stores a credential the user has just proved, audited and notified like every factor change. */
export async function addPortalCredential(
  deps: FactorChangeDependencies,
  input: {
    oid: string;
    factor: FactorKind;
    origin: { ip: string | null; userAgent: string | null };
    fields: NewCredentialFields;
  },
  now: Date,
): Promise<void> {
  const id = crypto.randomUUID();
  const change = { oid: input.oid, factor: input.factor, change: 'added', origin: input.origin, at: now } as const;
  await recordFactorChange(deps, { ...change, credentialId: id }, (tx) =>
    tx.portalCredential.create({
      data: { ...input.fields, id, userId: input.oid, kind: input.factor, createdAt: now },
    }),
  );
}
