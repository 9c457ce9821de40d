// AppError's reasons are a closed, per-code union (issue 13; jose's discriminated errors): a reason outside its
// code's list does not compile, the lists use one casing, and a table keyed by the union needs every reason.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { AppError, appErrorCodes, appErrorReasons, isAppErrorReason, type AppErrorReason } from './app-error';

describe('AppError reasons', () => {
  it('every code has its list, and every reason is camelCase', () => {
    expect(Object.keys(appErrorReasons).sort()).toEqual([...appErrorCodes].sort());
    for (const reasons of Object.values(appErrorReasons))
      for (const reason of reasons) expect(reason).toMatch(/^[a-z][a-zA-Z0-9]*$/);
  });

  it('the reason is typed by the code', () => {
    const error = new AppError('FORBIDDEN', 'x', { reason: 'crossSite' });
    expectTypeOf(error.reason).toEqualTypeOf<AppErrorReason<'FORBIDDEN'> | undefined>();
    // @ts-expect-error wrongCode is an INVALID_INPUT reason, not a FORBIDDEN one
    expect(new AppError('FORBIDDEN', 'x', { reason: 'wrongCode' }).code).toBe('FORBIDDEN');
    // @ts-expect-error an unlisted reason does not compile
    expect(new AppError('INVALID_INPUT', 'x', { reason: 'somethingNew' }).code).toBe('INVALID_INPUT');
  });

  it('isAppErrorReason narrows a value read from elsewhere (a directory error, a query string)', () => {
    expect(isAppErrorReason('INVALID_INPUT', 'adHistory')).toBe(true);
    expect(isAppErrorReason('INVALID_INPUT', 'crossSite')).toBe(false);
    expect(isAppErrorReason('INVALID_INPUT', 42)).toBe(false);
  });
});
