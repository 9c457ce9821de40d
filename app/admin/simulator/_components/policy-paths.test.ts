// The editor's paths: a write at a path changes only that path, creates missing objects, never mutates the
// policy it was given, and reads through anything that is not an object as undefined.
import { describe, expect, it } from 'vitest';
import { get, lines, list, set } from './policy-paths';

describe('policy paths', () => {
  it('set writes one path immutably and creates the objects on the way', () => {
    const policy = { displayName: 'p', conditions: { users: { includeUsers: ['All'] } } };
    const next = set(policy, ['conditions', 'users', 'excludeUsers'], ['u-1']);
    expect(next).toEqual({ displayName: 'p', conditions: { users: { includeUsers: ['All'], excludeUsers: ['u-1'] } } });
    expect(policy.conditions.users).toEqual({ includeUsers: ['All'] });
    expect(set({}, ['grantControls', 'builtInControls'], ['mfa'])).toEqual({
      grantControls: { builtInControls: ['mfa'] },
    });
    expect(set({ a: 'text' }, ['a', 'b'], 1)).toEqual({ a: { b: 1 } });
  });

  it('get reads a path, and undefined through anything that is not an object', () => {
    const policy = { conditions: { platforms: null, clientAppTypes: ['all'] } };
    expect(get(policy, ['conditions', 'clientAppTypes'])).toEqual(['all']);
    expect(get(policy, ['conditions', 'platforms', 'includePlatforms'])).toBeUndefined();
    expect(get(policy, ['conditions', 'clientAppTypes', '0'])).toBeUndefined();
    expect(get(policy, [])).toBe(policy);
  });

  it('list and lines turn values and text into clean lists', () => {
    expect(list(['a', 1])).toEqual(['a', '1']);
    expect(list('a')).toEqual([]);
    expect(lines(' a,b\n\n c ')).toEqual(['a', 'b', 'c']);
  });
});
