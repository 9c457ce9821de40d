// JSON the portal stored itself (text columns holding documents, pending verifications, job payloads; fixture
// files) is read back through a zod schema. A value that is not what was written (a hand edit, a bad migration,
// an older shape) is one AppError('INTERNAL', reason `storedDataInvalid`, naming the source): the common 500 body
// and a log line by code and reason, never a SyntaxError, nor a ZodError that would read as the caller's bad
// input (a 400).
import type { z } from 'zod';
import { AppError } from '@/lib/app-error';
import { formatJsonPath } from '@/lib/conditional-access/parse-input';

export const storedDataInvalidMessage = 'Stored data could not be read. Nothing was changed.';

function storedDataInvalid(source: string, path?: string): AppError<'INTERNAL'> {
  return new AppError('INTERNAL', storedDataInvalidMessage, {
    reason: 'storedDataInvalid',
    source,
    ...(path ? { storedPath: path } : {}),
  });
}

/** An already decoded stored value (an outbox payload) checked against its schema. */
export function parseStoredValue<S extends z.ZodType>(schema: S, value: unknown, source: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw storedDataInvalid(source, formatJsonPath(parsed.error.issues[0]?.path ?? []));
  return parsed.data;
}

/** Stored JSON text decoded and checked against its schema. */
export function parseStoredJson<S extends z.ZodType>(schema: S, text: string, source: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw storedDataInvalid(source);
  }
  return parseStoredValue(schema, value, source);
}
