// The tenant's token signing key, generated once per install and kept in the store so tokens
// verify across restarts (issue 3 §2). RS256 with a `kid`, like Entra's keys.
import { exportJWK, generateKeyPair, calculateJwkThumbprint, type JWK } from 'jose';
import type { Store } from '../store/store';

export async function loadSigningKeys(store: Store): Promise<JWK[]> {
  const existing = store.get<JWK[]>('signingKeys', 'jwks');
  if (existing && existing.length > 0) return existing;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  const key: JWK = { ...jwk, alg: 'RS256', use: 'sig', kid: await calculateJwkThumbprint(jwk) };
  store.put('signingKeys', 'jwks', [key]);
  return [key];
}
