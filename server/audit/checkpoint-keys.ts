// The Ed25519 keys of audit checkpoints (node:crypto; RFC 8032). The private key signs, every public key
// verifies: the one derived from the private key, plus those in AUDIT_CHECKPOINT_PUBLIC_KEY_FILE (older keys
// after a rotation, or the only key on a verifier that must not hold the private one).
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { checkpointSignedText, type Checkpoint, type UnsignedCheckpoint } from '../../lib/audit/checkpoint';

export type CheckpointSigner = { kid: string; privateKey: KeyObject };
export type CheckpointVerifiers = ReadonlyMap<string, KeyObject>;

export function checkpointKeyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function checkpointSignerFromPem(pem: string): CheckpointSigner {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the audit checkpoint key must be an Ed25519 key');
  return { kid: checkpointKeyId(createPublicKey(privateKey)), privateKey };
}

/** Every PEM public key block in the text (a file may hold several). */
export function publicKeysFromPem(text: string): KeyObject[] {
  const blocks = text.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
  return blocks.map((block) => {
    const key = createPublicKey(block);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('audit checkpoint public keys must be Ed25519 keys');
    return key;
  });
}

export function checkpointVerifiersFrom(signer: CheckpointSigner | null, publicKeys: KeyObject[]): CheckpointVerifiers {
  const keys = [...(signer ? [createPublicKey(signer.privateKey)] : []), ...publicKeys];
  return new Map(keys.map((key) => [checkpointKeyId(key), key]));
}

export function readCheckpointSigner(file: string): CheckpointSigner {
  return checkpointSignerFromPem(fs.readFileSync(file, 'utf8'));
}

export function signCheckpoint(checkpoint: UnsignedCheckpoint, signer: CheckpointSigner): Checkpoint {
  const signature = sign(null, Buffer.from(checkpointSignedText(checkpoint)), signer.privateKey);
  return { ...checkpoint, sig: signature.toString('base64url') };
}

export function isCheckpointSignatureValid(checkpoint: Checkpoint, verifiers: CheckpointVerifiers): boolean {
  const key = verifiers.get(checkpoint.kid);
  if (!key) return false;
  return verify(null, Buffer.from(checkpointSignedText(checkpoint)), key, Buffer.from(checkpoint.sig, 'base64url'));
}
