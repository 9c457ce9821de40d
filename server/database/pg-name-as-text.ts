// Works around prisma/orm#27403: @prisma/adapter-pg 6.19 has no mapping for PostgreSQL's internal
// `name` type (OID 19), so every `prisma migrate` command fails on introspection queries with
// "Column type 'name' could not be deserialized". We report `name` columns as `text` (OID 25), which is
// what they are to a client. Done as a pg Client subclass handed to the Pool (a public pg option),
// instead of patching node_modules, so it survives reinstalls and is visible in review.
// See docs/decisions/0002-prisma-js-engine.md.
import pg from 'pg';
// Relative, not `@/`: prisma.config.ts loads this file with a loader that knows no path aliases.
import { isRecord } from '../../lib/is-record';

const nameOid = 19;
const textOid = 25;

function reportNameAsText<T>(result: T): T {
  if (isRecord(result) && Array.isArray(result.fields))
    for (const field of result.fields) if (isRecord(field) && field.dataTypeID === nameOid) field.dataTypeID = textOid;
  return result;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return isRecord(value) && typeof value.then === 'function';
}

export class NameAsTextClient extends pg.Client {
  // pg's query() is overloaded (callback or promise); we wrap whichever the caller used. Reflect.apply forwards the
  // caller's arguments to pg unchanged, without choosing an overload.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === 'function')
      args[args.length - 1] = (error: Error | null, result: unknown) =>
        Reflect.apply(last, undefined, [error, error ? result : reportNameAsText(result)]);
    const returned: unknown = Reflect.apply(super.query, this, args);
    const answered = isThenable(returned) ? returned.then(reportNameAsText) : returned;
    // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- `never` is the one return type every overload of pg's query() accepts; the value is pg's own (a promise, a Query, or undefined)
    return answered as never;
  }
}

export function createPgPool(connectionString: string): pg.Pool {
  return new pg.Pool({ connectionString, Client: NameAsTextClient });
}
