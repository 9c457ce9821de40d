import { describe, expect, it } from 'vitest';
import { isAppError } from '../app-error';
import {
  defaultResetSessionLimits as limits,
  expiryFor,
  resetSessionStatus,
  withCompletion,
  withFailure,
  withServiceVerified,
  type ResetSessionSnapshot,
} from './reset-session-state';

const start = new Date('2026-11-26T10:00:00Z');
const fresh: ResetSessionSnapshot = {
  expiresAt: expiryFor(start, limits),
  failures: 0,
  verified: [],
  completedAt: null,
  endedReason: null,
};
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

describe('reset session state', () => {
  it('lives 15 minutes by default', () => {
    expect(resetSessionStatus(fresh, at(14 * 60 + 59), limits)).toBe('active');
    expect(resetSessionStatus(fresh, at(15 * 60), limits)).toBe('expired');
  });

  it('ends after too many failures', () => {
    let session = fresh;
    for (let i = 0; i < limits.maxFailures; i++) session = withFailure(session, at(1), limits);
    expect(resetSessionStatus(session, at(2), limits)).toBe('tooManyFailures');
    expect(() => withServiceVerified(session, 'sms', at(2), limits)).toThrow(/ended \(tooManyFailures\)/);
  });

  it('ends after success and refuses further use', () => {
    const done = withCompletion(withServiceVerified(fresh, 'entraMfa', at(1), limits), at(2));
    expect(resetSessionStatus(done, at(3), limits)).toBe('completed');
    try {
      withCompletion(done, at(3));
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('EXPIRED');
    }
  });

  it('a completion recorded after the lifetime (a slow directory write) still completes the session', () => {
    const late = withCompletion(withServiceVerified(fresh, 'entraMfa', at(1), limits), at(16 * 60));
    expect(resetSessionStatus(late, at(16 * 60), limits)).toBe('completed');
  });

  it('records each service once', () => {
    const once = withServiceVerified(withServiceVerified(fresh, 'sms', at(1), limits), 'sms', at(2), limits);
    expect(once.verified).toEqual(['sms']);
  });

  it('an expired session cannot record a verification', () => {
    expect(() => withServiceVerified(fresh, 'sms', at(16 * 60), limits)).toThrow(/expired/);
  });
});
