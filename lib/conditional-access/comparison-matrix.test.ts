// The simulator's matrix: standard flows against trusted/other networks, normal/forgotten password.
import { describe, expect, it } from 'vitest';
import { buildComparisonMatrix, pickTrustedIpAddress, pickUntrustedIpAddress } from './comparison-matrix';
import { policy, request, tenantWith } from './test-tenant';

describe('buildComparisonMatrix', () => {
  const exemptOnTrusted = policy({
    conditions: { locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] } },
  });
  const tenant = tenantWith([exemptOnTrusted]);

  it('picks an address inside a trusted location and one outside every named location', () => {
    expect(pickTrustedIpAddress(tenant)).toBe('203.0.113.1');
    expect(pickUntrustedIpAddress(tenant)).toBe('192.0.2.44');
    expect(pickTrustedIpAddress(tenantWith([], { namedLocations: [] }))).toBeNull();
  });

  it('shows password only granted on the trusted network and interrupted elsewhere', () => {
    const matrix = buildComparisonMatrix(tenant, request('u-member'));
    const password = matrix.rows.find((r) => r.flow.id === 'password');
    expect(matrix.scenarios.map((s) => s.id)).toEqual([
      'trustedNetwork',
      'trustedNetworkPasswordForgotten',
      'anyNetwork',
      'anyNetworkPasswordForgotten',
    ]);
    expect(password?.cells.map((c) => c.outcome)).toEqual(['granted', 'unavailable', 'interrupted', 'unavailable']);
    expect(password?.cells[2]?.summary).toMatch(/requires multifactor authentication/);
    expect(matrix.rows).toHaveLength(7);
  });

  it('marks trusted columns not applicable when the tenant has no trusted location', () => {
    const matrix = buildComparisonMatrix(tenantWith([exemptOnTrusted], { namedLocations: [] }), request('u-member'));
    expect(matrix.rows[0]?.cells[0]?.outcome).toBe('notApplicable');
  });
});
