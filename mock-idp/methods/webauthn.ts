// FIDO2 passkeys with real WebAuthn (@simplewebauthn/server). The relying party id is the mock's
// host name (localhost); credentials live in the store per user.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { bumpMethodsVersion } from './registered-methods';
import type { Store } from '../store/store';
import type { TenantUser } from '../store/tenant';

export type StoredPasskey = {
  id: string;
  publicKey: string;
  counter: number;
  transports?: string[];
  aaguid: string;
  createdDateTime: string;
  displayName: string;
};

export function passkeysOf(store: Store, userId: string): StoredPasskey[] {
  return store.get<StoredPasskey[]>('passkeys', userId) ?? [];
}

export async function authenticationOptionsFor(store: Store, user: TenantUser, rpID: string) {
  return generateAuthenticationOptions({
    rpID,
    userVerification: 'required',
    allowCredentials: passkeysOf(store, user.id).map((p) => ({ id: p.id, transports: p.transports as never })),
  });
}

export async function verifyPasskeySignIn(
  store: Store,
  user: TenantUser,
  input: { response: unknown; expectedChallenge: string; origin: string; rpID: string },
): Promise<boolean> {
  const response = input.response as { id?: string };
  const passkeys = passkeysOf(store, user.id);
  const passkey = passkeys.find((p) => p.id === response.id);
  if (!passkey) return false;
  try {
    const result = await verifyAuthenticationResponse({
      response: input.response as never,
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
  try {
    const result = await verifyRegistrationResponse({
      response: input.response as never,
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
