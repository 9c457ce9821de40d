// Whether an audit chain HMAC key (AUDIT_HMAC_KEYS) is secret enough for production. The chain only detects
// tampering by someone who does not hold the key (docs/decisions/0005-keyed-audit-chain.md), so a key anyone
// can read in this repository, or guess, is no key. Generated keys are random bytes (`openssl rand -base64 32`);
// a key that decodes to printable text was typed, and must then resist guessing like AUTH_SECRET does.
import { publishedAuditHmacKeys } from './published-values';
import { secretWeakness } from './secret-strength';

/** Entropy floor for binary keys, estimated as length x log2(distinct bytes) (32 random bytes score about 157). */
export const minimumAuditKeyBits = 128;

function byteAlphabetBits(key: Buffer): number {
  const distinct = new Set(key).size;
  return distinct < 2 ? 0 : key.length * Math.log2(distinct);
}

const isPrintableText = (key: Buffer) => key.every((byte) => byte >= 0x20 && byte < 0x7f);

/** Why the key is unsafe in production, or undefined when it is not. */
export function auditKeyWeakness(key: { id: string; secret: Buffer }): string | undefined {
  if (publishedAuditHmacKeys.some((published) => Buffer.from(published, 'base64').equals(key.secret)))
    return `the key "${key.id}" is published in the repository (a development or test value)`;
  if (isPrintableText(key.secret)) {
    const weakness = secretWeakness(key.secret.toString('latin1'));
    return weakness ? `the key "${key.id}" decodes to guessable text: ${weakness}` : undefined;
  }
  if (byteAlphabetBits(key.secret) < minimumAuditKeyBits)
    return `the key "${key.id}" has too little entropy (under ${minimumAuditKeyBits} bits); generate one with \`openssl rand -base64 32\``;
  return undefined;
}
