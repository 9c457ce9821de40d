// A table with one entry per key of a closed list (labels per message key, a value per rule id), so callers build a
// `Record<K, V>` without a cast of their own.
export function recordFromKeys<K extends string, V>(keys: readonly K[], valueOf: (key: K) => V): Record<K, V> {
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- Object.fromEntries types its keys as string; every key of `keys` gets an entry, so the record is complete
  return Object.fromEntries(keys.map((key) => [key, valueOf(key)])) as Record<K, V>;
}
