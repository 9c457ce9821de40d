// The `code` a thrown error carries (a Node system error's ENOENT or EEXIST, a Prisma known-request error's P2002),
// read without a cast; undefined for anything else, including a non-string code.
import { isRecord } from './is-record';

export function errorCodeOf(error: unknown): string | undefined {
  return isRecord(error) && typeof error.code === 'string' ? error.code : undefined;
}
