import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  copyUserScopeMatrix,
  createUserScopeMatrix,
  fillEveryRow,
  setUserScope,
  userScopeAt,
} from './user-scope-matrix';

describe('user scope matrix (two bits per user and policy)', () => {
  it('reads back every write, whatever the order, beside a plain byte per cell', () => {
    const writeArb = fc.tuple(fc.nat(19), fc.nat(12), fc.constantFrom(0, 1, 2));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 13 }), fc.array(writeArb, { maxLength: 80 }), (policies, writes) => {
        const matrix = createUserScopeMatrix(20, policies);
        const plain = new Uint8Array(20 * policies);
        for (const [u, p, value] of writes) {
          if (p >= policies) continue;
          setUserScope(matrix, u, p, value);
          plain[u * policies + p] = value;
        }
        for (let u = 0; u < 20; u++)
          for (let p = 0; p < policies; p++) expect(userScopeAt(matrix, u, p)).toBe(plain[u * policies + p]);
      }),
    );
  });

  it('fills every row from a template (the All-users inclusions), for any user count', () => {
    for (const users of [1, 2, 3, 7, 64, 1000]) {
      const matrix = createUserScopeMatrix(users, 9);
      const row = [1, 0, 1, 1, 0, 0, 0, 1, 1];
      fillEveryRow(matrix, row);
      for (let u = 0; u < users; u++) expect(row.map((_, p) => userScopeAt(matrix, u, p))).toEqual(row);
    }
  });

  it('copies without sharing cells', () => {
    const matrix = createUserScopeMatrix(3, 5);
    setUserScope(matrix, 1, 4, 2);
    const copy = copyUserScopeMatrix(matrix);
    setUserScope(copy, 1, 4, 0);
    expect(userScopeAt(matrix, 1, 4)).toBe(2);
    expect(userScopeAt(copy, 1, 4)).toBe(0);
  });
});
