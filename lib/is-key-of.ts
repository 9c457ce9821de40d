// Narrows text read from outside (a query string, a JSON body) to a key of a table keyed by a closed union,
// so a lookup needs no cast and an unknown value takes the caller's fallback.
export function isKeyOf<K extends string>(table: Readonly<Record<K, unknown>>, value: string): value is K {
  return Object.hasOwn(table, value);
}
