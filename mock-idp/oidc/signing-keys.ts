// The tenant's token signing key, generated once per install and kept in the store so tokens
// verify across restarts (issue 3 §2). RS256 with a `kid`, like Entra's keys.
import { exportJWK, generateKeyPair, calculateJwkThumbprint, type JWK } from 'jose';
import { z } from 'zod';
import type { Store } from '../store/store';

// What loadSigningKeys writes: RSA private keys (exportJWK's members, kept as they are) with alg, use and kid.
export const storedJwksSchema = z.array(
  z.looseObject({ kty: z.literal('RSA'), alg: z.literal('RS256'), use: z.literal('sig'), kid: z.string() }),
);

/** The provider's cookie signing keys (create-mock-idp.ts). */
export const cookieKeysSchema = z.array(z.string());

export async function loadSigningKeys(store: Store): Promise<JWK[]> {
  const existing = store.get('signingKeys', 'jwks', storedJwksSchema);
  if (existing && existing.length > 0) return existing;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  const key: JWK = { ...jwk, alg: 'RS256', use: 'sig', kid: await calculateJwkThumbprint(jwk) };
  store.put('signingKeys', 'jwks', [key]);
  return [key];
}
