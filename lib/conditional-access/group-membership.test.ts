// Nested groups apply to their members' members (concept-conditional-access-users-groups); cycles terminate.
import { describe, expect, it } from 'vitest';
import { compileTenant } from './compile-tenant';
import { parseTenant } from './parse-input';

describe('transitive group membership', () => {
  const tenant = compileTenant(
    parseTenant(
      {
        tenantId: 't',
        domain: 'd.test',
        users: [
          { id: 'u1', userPrincipalName: 'u1@d.test', displayName: 'U1' },
          { id: 'u2', userPrincipalName: 'u2@d.test', displayName: 'U2', memberOf: ['c'] },
        ],
        groups: [
          { id: 'a', displayName: 'A', members: ['b'] },
          { id: 'b', displayName: 'B', members: ['c', 'u1'] },
          { id: 'c', displayName: 'C', members: ['a'] },
          { id: 'lonely', displayName: 'Lonely', members: [] },
        ],
      },
      't.json',
    ),
  );
  it('follows nesting through a cycle', () => {
    expect(tenant.groupIdsOf(tenant.userIndexById.get('u1')!)).toEqual(['a', 'b', 'c']);
    expect(tenant.groupIdsOf(tenant.userIndexById.get('u2')!)).toEqual(['a', 'b', 'c']);
  });
  it('looks users up by id and by UPN in any case', () => {
    expect(tenant.userIndexByUpn.get('u2@d.test')).toBe(tenant.userIndexById.get('u2'));
  });
});
