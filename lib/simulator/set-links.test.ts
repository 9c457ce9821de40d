// The "as of" date and the version travel with every link between the views of a policy set, the editor included.
import { describe, expect, it } from 'vitest';
import { policyEditorHref, setViewHref } from './set-links';

describe('links between the views of a policy set', () => {
  it('carries the version and the as-of date to a tab', () => {
    expect(setViewHref('s1', 'matrix', { version: 3, asOf: '2027-02-01' })).toBe(
      '/admin/simulator/s1/matrix?v=3&asOf=2027-02-01',
    );
    expect(setViewHref('s1', '')).toBe('/admin/simulator/s1');
  });

  it('carries the as-of date into the policy editor and back to the set after a save', () => {
    expect(policyEditorHref('s1', 'p/1', { version: 2, asOf: '2027-02-01' })).toBe(
      '/admin/simulator/s1/policies/p%2F1?asOf=2027-02-01',
    );
    expect(setViewHref('s1', '', { version: 4, asOf: '2027-02-01' }, { saved: '1' })).toBe(
      '/admin/simulator/s1?v=4&saved=1&asOf=2027-02-01',
    );
  });
});
