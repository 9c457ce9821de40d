// Security identifiers (SIDs) as Active Directory stores them (`objectSid`, binary) and as Graph shows
// them (`onPremisesSecurityIdentifier`, "S-1-5-21-…"). Layout: MS-DTYP 2.4.2.2 SID: revision (1 byte),
// sub-authority count (1 byte), identifier authority (6 bytes, big-endian), sub-authorities (4 bytes
// each, little-endian). https://learn.microsoft.com/openspecs/windows_protocols/ms-dtyp/f992ad60-0fe4-4b87-9fed-beb478836861
import { AppError } from '../app-error';

const sidPattern = /^S-1-(\d{1,15})(-\d{1,10}){1,15}$/;

export function isSecurityIdentifier(value: string): boolean {
  return sidPattern.test(value);
}

/** "S-1-5-21-…" → the 8 + 4n bytes AD stores; throws INVALID_INPUT for anything else. */
export function securityIdentifierBytes(sid: string): Uint8Array {
  if (!isSecurityIdentifier(sid)) throw new AppError('INVALID_INPUT', 'Not a security identifier.');
  const parts = sid.split('-').slice(2).map(Number);
  const [authority, ...subAuthorities] = parts;
  if (authority === undefined || authority > 0xffffffffffff || subAuthorities.some((value) => value > 0xffffffff))
    throw new AppError('INVALID_INPUT', 'Not a security identifier.');
  const bytes = new Uint8Array(8 + 4 * subAuthorities.length);
  bytes[0] = 1;
  bytes[1] = subAuthorities.length;
  let rest = authority;
  for (let index = 7; index >= 2; index -= 1) {
    bytes[index] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  subAuthorities.forEach((value, index) => {
    const offset = 8 + 4 * index;
    bytes[offset] = value & 0xff;
    bytes[offset + 1] = (value >>> 8) & 0xff;
    bytes[offset + 2] = (value >>> 16) & 0xff;
    bytes[offset + 3] = (value >>> 24) & 0xff;
  });
  return bytes;
}

/** The binary SID AD returns → "S-1-5-21-…". */
export function securityIdentifierString(bytes: Uint8Array): string {
  const count = bytes[1] ?? 0;
  if (bytes[0] !== 1 || bytes.length !== 8 + 4 * count) throw new AppError('INVALID_INPUT', 'Not a binary SID.');
  let authority = 0;
  for (let index = 2; index < 8; index += 1) authority = authority * 256 + (bytes[index] ?? 0);
  const subAuthorities: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const offset = 8 + 4 * index;
    subAuthorities.push(
      ((bytes[offset] ?? 0) | ((bytes[offset + 1] ?? 0) << 8) | ((bytes[offset + 2] ?? 0) << 16)) +
        (bytes[offset + 3] ?? 0) * 0x1000000,
    );
  }
  return ['S', '1', String(authority), ...subAuthorities.map(String)].join('-');
}

/** The domain part of a user's SID (everything before the last sub-authority, the RID). */
export function domainOfSecurityIdentifier(sid: string): string {
  return sid.slice(0, sid.lastIndexOf('-'));
}
