// AUDIT_HMAC_KEYS: `id:base64key[,id:base64key…]`. The first key computes the hash of every new audit entry;
// every listed key verifies older entries, so a key is rotated by putting the new one first and keeping the
// old one listed until no entry names it (docs/decisions/0005-keyed-audit-chain.md).
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { unkeyedHashKeyId, type EntryMac } from '../../lib/audit/hash-chain';
import { sha256Hex } from './sha256-hex';

export type AuditHmacKey = { id: string; secret: Buffer };

/** 256-bit keys at least: the HMAC-SHA-256 key should be as long as the hash (RFC 2104 section 3). */
const minimumKeyBytes = 32;
const keyIdPattern = /^[A-Za-z0-9._-]{1,32}$/;

export const auditHmacKeysSchema = z.string().transform((value, context): AuditHmacKey[] => {
  const keys: AuditHmacKey[] = [];
  for (const item of value.split(',').map((part) => part.trim())) {
    const separator = item.indexOf(':');
    const id = item.slice(0, separator);
    const secret = Buffer.from(item.slice(separator + 1), 'base64');
    const problem =
      separator < 1 || !keyIdPattern.test(id)
        ? 'must list id:base64key pairs, ids of letters, digits, dot, dash or underscore'
        : id === unkeyedHashKeyId
          ? `the key id "${unkeyedHashKeyId}" is reserved for unkeyed entries`
          : keys.some((key) => key.id === id)
            ? `the key id "${id}" is listed twice`
            : secret.length < minimumKeyBytes
              ? `the key "${id}" must decode (base64) to at least ${minimumKeyBytes} bytes`
              : null;
    if (problem) {
      context.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    keys.push({ id, secret });
  }
  return keys;
});

export type AuditKeyring = {
  /** The key id new entries are hashed with. */
  signingKeyId: string;
  keyIds: string[];
  mac: EntryMac;
};

export function auditKeyringFrom(keys: readonly AuditHmacKey[]): AuditKeyring {
  const first = keys[0];
  if (!first) throw new Error('the audit keyring needs at least one key');
  const byId = new Map(keys.map((key) => [key.id, key.secret]));
  return {
    signingKeyId: first.id,
    keyIds: keys.map((key) => key.id),
    mac: (keyId, text) => {
      if (keyId === unkeyedHashKeyId) return sha256Hex(text);
      const secret = byId.get(keyId);
      return secret ? createHmac('sha256', secret).update(text).digest('hex') : undefined;
    },
  };
}
