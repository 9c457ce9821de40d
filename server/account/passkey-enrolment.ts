import 'server-only';
// Enrolling a passkey on /account (WebAuthn Level 3 with @simplewebauthn/server). The registration
// challenge travels sealed (AES-GCM, bound to the user, 5 minutes) so nothing is stored before the
// ceremony succeeds; user verification is required; the credential is stored for the portal's own
// "passkey" identity service and the change is audited and notified (ASVS5 6.3.7).
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import { getConfig } from '../config';
import type { FactorChangeDependencies } from './record-factor-change';
import { addPortalCredential, openEnrolment, sealEnrolment } from './sealed-enrolment';

const pendingSchema = z.object({ challenge: z.string() });
const ceremonyWindowMs = 5 * 60_000;

export function relyingParty(): { rpID: string; origin: string } {
  const origin = new URL(getConfig().APP_ORIGIN);
  return { rpID: origin.hostname, origin: origin.origin };
}

export async function passkeyRegistrationOptions(
  deps: Pick<FactorChangeDependencies, 'db'>,
  user: { oid: string; userName: string; displayName: string },
  now: Date,
): Promise<{ options: PublicKeyCredentialCreationOptionsJSON; sealed: string }> {
  const existing = await deps.db.portalCredential.findMany({
    where: { userId: user.oid, kind: 'passkey' },
    select: { credentialId: true },
  });
  const options = await generateRegistrationOptions({
    rpName: 'Verity',
    rpID: relyingParty().rpID,
    userName: user.userName,
    userDisplayName: user.displayName,
    userID: new TextEncoder().encode(user.oid),
    attestationType: 'none',
    excludeCredentials: existing.flatMap((c) => (c.credentialId ? [{ id: c.credentialId }] : [])),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  return {
    options,
    sealed: sealEnrolment({ challenge: options.challenge }, user.oid, now),
  };
}

export async function confirmPasskeyRegistration(
  deps: FactorChangeDependencies,
  input: { oid: string; sealed: string; response: unknown; origin: { ip: string | null; userAgent: string | null } },
  now: Date,
): Promise<void> {
  const pending = openEnrolment(pendingSchema, input.sealed, { userId: input.oid, now, windowMs: ceremonyWindowMs });
  if (!pending)
    throw new AppError('INVALID_INPUT', 'This set-up has expired. Start again.', { reason: 'enrolmentExpired' });
  const { rpID, origin } = relyingParty();
  let result: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    result = await verifyRegistrationResponse({
      response: input.response as RegistrationResponseJSON,
      expectedChallenge: pending.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
    });
  } catch {
    throw new AppError('INVALID_INPUT', 'The passkey could not be verified. Try again.', { reason: 'passkeyFailed' });
  }
  if (!result.verified)
    throw new AppError('INVALID_INPUT', 'The passkey could not be verified. Try again.', { reason: 'passkeyFailed' });
  await storeEnrolledPasskey(
    deps,
    { oid: input.oid, credential: result.registrationInfo.credential, origin: input.origin },
    now,
  );
}

type VerifiedCredential = { id: string; publicKey: Uint8Array; counter: number; transports?: readonly string[] };

/** Stores a verified passkey, then audits and notifies the change like every other factor change (ASVS5 6.3.7). */
export async function storeEnrolledPasskey(
  deps: FactorChangeDependencies,
  input: { oid: string; credential: VerifiedCredential; origin: { ip: string | null; userAgent: string | null } },
  now: Date,
): Promise<void> {
  const { credential } = input;
  await addPortalCredential(
    deps,
    {
      oid: input.oid,
      factor: 'passkey',
      origin: input.origin,
      fields: {
        label: 'Passkey',
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: (credential.transports ?? []).join(','),
      },
    },
    now,
  );
}
