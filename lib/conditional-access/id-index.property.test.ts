// The typed-array id index answers exactly as a Map built from the same list would, duplicates and misses included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIdIndex, lazyIdIndex } from './id-index';

// Short strings from a small alphabet, so lists repeat keys and hashes collide in the table's low bits.
const key = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '-', '0'), maxLength: 4 });

describe('createIdIndex', () => {
  it('answers get, has and size as new Map(ids.map((id, i) => [id, i])) does', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 200 }), fc.array(key, { maxLength: 50 }), (ids, probes) => {
        const reference = new Map(ids.map((id, i) => [id, i]));
        const index = createIdIndex(ids.length, (i) => ids[i] ?? '');
        expect(index.size).toBe(reference.size);
        for (const probe of [...ids, ...probes]) {
          expect(index.get(probe)).toBe(reference.get(probe));
          expect(index.has(probe)).toBe(reference.has(probe));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds every one of many UUID-like ids and nothing else', () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => `${i.toString(16).padStart(8, '0')}-0000-4000-8000-${i}`);
    const index = createIdIndex(ids.length, (i) => ids[i] ?? '');
    ids.forEach((id, i) => expect(index.get(id)).toBe(i));
    expect(index.get('00000000-0000-4000-8000-5000')).toBeUndefined();
  });

  it('builds a lazy index on first use only', () => {
    let builds = 0;
    const index = lazyIdIndex(() => {
      builds++;
      return createIdIndex(1, () => 'x');
    });
    expect(builds).toBe(0);
    expect(index.get('x')).toBe(0);
    expect(index.has('y')).toBe(false);
    expect(builds).toBe(1);
  });
});
