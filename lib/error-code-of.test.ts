import { describe, expect, it } from 'vitest';
import { errorCodeOf } from './error-code-of';

describe('errorCodeOf', () => {
  it('reads the code of a Node-style system error and of a Prisma-style error', () => {
    expect(errorCodeOf(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', errno: -2 }))).toBe('ENOENT');
    expect(errorCodeOf(Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }))).toBe('P2002');
  });

  it('is undefined without a string code', () => {
    for (const value of [new Error('plain'), { code: 19 }, null, undefined, 'ENOENT', ['ENOENT']])
      expect(errorCodeOf(value)).toBeUndefined();
  });
});
