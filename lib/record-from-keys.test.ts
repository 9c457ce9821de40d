import { describe, expect, it } from 'vitest';
import { recordFromKeys } from './record-from-keys';

describe('recordFromKeys', () => {
  it('has one entry per key, in the keys’ order, valued by the function', () => {
    const record = recordFromKeys(['one', 'three'] as const, (key) => key.length);
    expect(record).toEqual({ one: 3, three: 5 });
    expect(Object.keys(record)).toEqual(['one', 'three']);
  });

  it('is empty for no keys', () => {
    expect(recordFromKeys([], () => 1)).toEqual({});
  });
});
