import 'server-only';
// Authenticator-app codes (RFC 6238 TOTP, SHA-1, 6 digits, 30 s, as every authenticator app supports)
// with otpauth. A code is accepted once: the last accepted time step is kept in PortalCredential.counter
// and only a later step is accepted (RFC 6238 section 5.2, replay).
import * as OTPAuth from 'otpauth';

export const totpIssuer = 'Verity';

export function newTotp(label: string): { secretBase32: string; uri: string } {
  const totp = new OTPAuth.TOTP({
    issuer: totpIssuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: new OTPAuth.Secret({ size: 20 }),
  });
  return { secretBase32: totp.secret.base32, uri: totp.toString() };
}

/** The otpauth URI of an existing secret (the app shows `issuer` and `label` as the account's name). */
export function totpUri(secretBase32: string, label: string): string {
  return new OTPAuth.TOTP({
    issuer: totpIssuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  }).toString();
}

/** The time step the code belongs to (one step of drift either way), or null. */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
  const totp = new OTPAuth.TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 30_000) + delta;
}

export function totpCodeAt(secretBase32: string, now: Date): string {
  return new OTPAuth.TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  }).generate({ timestamp: now.getTime() });
}
