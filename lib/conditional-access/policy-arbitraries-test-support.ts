// Test support (not a test): fast-check arbitraries for policies over the test tenant (test-tenant.ts), shared by
// the invariant and incremental re-evaluation property tests.
import fc from 'fast-check';
import { globalAdministratorRoleId, otherAppId, testAppId, trustedLocationId } from './test-tenant';

export const userIds = ['u-member', 'u-admin', 'u-guest', 'u-local-guest', 'u-passwordless', 'u-password-only'];
export const groupIds = ['g-parent', 'g-child', 'g-grandchild'];
export const userIdArb = fc.constantFrom(...userIds);

export const usersConditionArb = fc.record({
  includeUsers: fc.oneof(fc.constant(['All']), fc.subarray(userIds), fc.constant(['GuestsOrExternalUsers'])),
  excludeUsers: fc.subarray(userIds, { maxLength: 2 }),
  includeGroups: fc.subarray(groupIds),
  excludeGroups: fc.subarray(groupIds, { maxLength: 1 }),
  includeRoles: fc.subarray([globalAdministratorRoleId]),
  excludeRoles: fc.subarray([globalAdministratorRoleId]),
});

export const grantArb = fc.oneof(
  fc.constant({ operator: 'OR', builtInControls: ['mfa'] }),
  fc.constant({ operator: 'OR', builtInControls: ['block'] }),
  fc.constant({ operator: 'AND', builtInControls: ['compliantDevice'] }),
  fc.constant({ operator: 'OR', builtInControls: ['mfa', 'compliantDevice'] }),
  fc.constant({
    operator: 'AND',
    builtInControls: [],
    authenticationStrength: { id: '00000000-0000-0000-0000-000000000003' },
  }),
  fc.constant({
    operator: 'AND',
    builtInControls: [],
    authenticationStrength: { id: '00000000-0000-0000-0000-000000000004' },
  }),
);

export const policyArb = fc.record({
  state: fc.constantFrom('enabled', 'enabled', 'disabled', 'enabledForReportingButNotEnforced'),
  users: usersConditionArb,
  apps: fc.constantFrom(['All'], [testAppId], [otherAppId]),
  locations: fc.constantFrom(
    null,
    { includeLocations: ['All'], excludeLocations: ['AllTrusted'] },
    { includeLocations: [trustedLocationId], excludeLocations: [] },
  ),
  grant: grantArb,
});
export type PolicySpec = typeof policyArb extends fc.Arbitrary<infer T> ? T : never;

export const toPolicy = (spec: PolicySpec, i: number): Record<string, unknown> => ({
  id: `p${i}`,
  displayName: `Generated ${i}`,
  state: spec.state,
  conditions: {
    users: spec.users,
    applications: { includeApplications: spec.apps },
    locations: spec.locations,
    clientAppTypes: ['all'],
  },
  grantControls: spec.grant,
});
