// FIDO2 passkeys with real WebAuthn (@simplewebauthn/server). The relying party id is the mock's
// host name (localhost); credentials live in the store per user.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { z } from 'zod';
import { bumpMethodsVersion } from './registered-methods';
import { authenticationResponseSchema, registrationResponseSchema } from './webauthn-responses';
import type { Store } from '../store/store';
import type { TenantUser } from '../store/tenant';

const storedPasskeySchema = z.looseObject({
  id: z.string(),
  publicKey: z.string(),
  counter: z.number(),
  transports: z.array(z.string()).optional(),
  aaguid: z.string(),
  createdDateTime: z.string(),
  displayName: z.string(),
});
export type StoredPasskey = z.infer<typeof storedPasskeySchema>;

export function passkeysOf(store: Store, userId: string): StoredPasskey[] {
  return store.get('passkeys', userId, z.array(storedPasskeySchema)) ?? [];
}

export async function authenticationOptionsFor(store: Store, user: TenantUser, rpID: string) {
  return generateAuthenticationOptions({
    rpID,
    userVerification: 'required',
    allowCredentials: passkeysOf(store, user.id).map((p) => ({ id: p.id, transports: p.transports })),
  });
}

export async function verifyPasskeySignIn(
  store: Store,
  user: TenantUser,
  input: { response: unknown; expectedChallenge: string; origin: string; rpID: string },
): Promise<boolean> {
  // A body that is not an assertion fails here, as it would fail verification.
  const response = authenticationResponseSchema.safeParse(input.response);
  if (!response.success) return false;
  const passkeys = passkeysOf(store, user.id);
  const passkey = passkeys.find((p) => p.id === response.data.id);
  if (!passkey) return false;
  try {
    const result = await verifyAuthenticationResponse({
      response: response.data,
      expectedChallenge: input.expectedChallenge,
      expectedOrigin: input.origin,
      expectedRPID: input.rpID,
      credential: {
        id: passkey.id,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
        counter: passkey.counter,
        transports: passkey.transports,
      },
      requireUserVerification: true,
    });
    if (!result.verified) return false;
    store.put(
      'passkeys',
      user.id,
      passkeys.map((p) => (p.id === passkey.id ? { ...p, counter: result.authenticationInfo.newCounter } : p)),
    );
    return true;
  } catch {
    return false;
  }
}

export async function registrationOptionsFor(store: Store, user: TenantUser, rpID: string) {
  return generateRegistrationOptions({
    rpName: 'Mock Entra ID (development only)',
    rpID,
    userName: user.userPrincipalName,
    userDisplayName: user.displayName,
    attestationType: 'none',
    excludeCredentials: passkeysOf(store, user.id).map((p) => ({ id: p.id })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
  });
}

export async function registerPasskey(
  store: Store,
  user: TenantUser,
  input: { response: unknown; expectedChallenge: string; origin: string; rpID: string },
  now: number,
): Promise<StoredPasskey | undefined> {
  const response = registrationResponseSchema.safeParse(input.response);
  if (!response.success) return undefined;
  try {
    const result = await verifyRegistrationResponse({
      response: response.data,
      expectedChallenge: input.expectedChallenge,
      expectedOrigin: input.origin,
      expectedRPID: input.rpID,
      requireUserVerification: true,
    });
    if (!result.verified) return undefined;
    const { credential, aaguid } = result.registrationInfo;
    const passkey: StoredPasskey = {
      id: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports,
      aaguid,
      createdDateTime: new Date(now).toISOString(),
      displayName: 'Passkey',
    };
    store.put('passkeys', user.id, [...passkeysOf(store, user.id), passkey]);
    bumpMethodsVersion(store);
    return passkey;
  } catch {
    return undefined;
  }
}
