// Works around prisma/orm#27403: @prisma/adapter-pg 6.19 has no mapping for PostgreSQL's internal
// `name` type (OID 19), so every `prisma migrate` command fails on introspection queries with
// "Column type 'name' could not be deserialized". We report `name` columns as `text` (OID 25), which is
// what they are to a client. Done as a pg Client subclass handed to the Pool (a public pg option),
// instead of patching node_modules, so it survives reinstalls and is visible in review.
// See docs/decisions/0002-prisma-js-engine.md.
import pg from 'pg';

const nameOid = 19;
const textOid = 25;

type ResultLike = { fields?: { dataTypeID: number }[] };

function reportNameAsText<T>(result: T): T {
  const fields = (result as ResultLike | undefined)?.fields;
  if (fields) for (const field of fields) if (field.dataTypeID === nameOid) field.dataTypeID = textOid;
  return result;
}

export class NameAsTextClient extends pg.Client {
  // pg's query() is overloaded (callback or promise); we wrap whichever the caller used.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === 'function') {
      const callback = last as (error: Error | null, result: unknown) => void;
      args[args.length - 1] = (error: Error | null, result: unknown) =>
        callback(error, error ? result : reportNameAsText(result));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const returned = (super.query as (...a: unknown[]) => unknown)(...args);
    if (returned && typeof (returned as Promise<unknown>).then === 'function') {
      return (returned as Promise<unknown>).then(reportNameAsText) as never;
    }
    return returned as never;
  }
}

export function createPgPool(connectionString: string): pg.Pool {
  return new pg.Pool({ connectionString, Client: NameAsTextClient });
}
