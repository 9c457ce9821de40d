import { describe, expect, it } from 'vitest';
import { isRecord } from './is-record';

describe('isRecord', () => {
  it('accepts objects, including ones without a prototype and class instances', () => {
    for (const value of [{}, { a: 1 }, Object.create(null), new Date(0)]) expect(isRecord(value)).toBe(true);
  });

  it('refuses null, arrays and primitives', () => {
    for (const value of [null, undefined, [], [1], 'a', 1, true, () => 1]) expect(isRecord(value)).toBe(false);
  });
});
