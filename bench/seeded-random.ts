// A small seeded PRNG (mulberry32) so the synthetic tenant is byte-for-byte the same on every run
// and every machine: benchmark figures are only comparable when the input is.

/** Any value but undefined. */
export type Defined = NonNullable<unknown> | null;

export type SeededRandom = {
  /** Uniform in [0, 1). */
  next: () => number;
  int: (maxExclusive: number) => number;
  chance: (probability: number) => boolean;
  /** From a list of values (not of undefined, so an index past the end is caught rather than returned). */
  pick: <T extends Defined>(items: readonly T[]) => T;
  pickSome: <T extends Defined>(items: readonly T[], count: number) => T[];
  /** Picks a value by weight, e.g. [['enabled', 7], ['disabled', 1]]. */
  weighted: <T>(choices: readonly (readonly [T, number])[]) => T;
  uuid: () => string;
};

export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number) => Math.floor(next() * maxExclusive);
  const pick = <T extends Defined>(items: readonly T[]): T => {
    const item = items[int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const hex = (length: number) => {
    let text = '';
    for (let index = 0; index < length; index += 1) text += int(16).toString(16);
    return text;
  };
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick,
    pickSome: (items, count) => {
      const chosen = new Set<(typeof items)[number]>();
      const wanted = Math.min(count, items.length);
      while (chosen.size < wanted) chosen.add(pick(items));
      return [...chosen];
    },
    weighted: (choices) => {
      const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of choices) {
        roll -= weight;
        if (roll < 0) return value;
      }
      const last = choices.at(-1);
      if (last === undefined) throw new Error('weighted pick from no choices');
      return last[0];
    },
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(4)]}${hex(3)}-${hex(12)}`,
  };
}
