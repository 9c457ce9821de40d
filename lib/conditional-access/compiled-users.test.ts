// The compiled users are columns (issue 15, "A million users"): userAt builds one user's view on demand, the full
// list is built only when read, and an edited tenant (replacePolicy) shares it without building it.
import demoTenantJson from '../../fixtures/demo-tenant.json';
import { describe, expect, it } from 'vitest';
import { compileTenant } from './compile-tenant';
import { replacePolicy } from './incremental-blast-radius';
import { parseTenant } from './parse-input';
import { maskOf } from './method-mask';

const source = parseTenant(structuredClone(demoTenantJson), 'demo-tenant.json');

describe('compiled users', () => {
  it('gives each user by index with the columns the engine reads', () => {
    const tenant = compileTenant(source);
    expect(tenant.userCount).toBe(source.users.length);
    source.users.forEach((user, u) => {
      const compiled = tenant.userAt(u);
      expect(compiled?.id).toBe(user.id);
      expect(compiled?.index).toBe(u);
      expect(compiled?.userPrincipalName).toBe(user.userPrincipalName);
      expect(compiled?.registeredMask).toBe(maskOf(compiled?.registeredMethods ?? []));
      expect(compiled?.registeredMask).toBe(tenant.userColumns.registeredMask[u]);
      expect(compiled?.usableMask).toBe(tenant.userColumns.usableMask[u]);
      expect(compiled?.allowedMask).toBe(tenant.userColumns.allowedMask[u]);
    });
    expect(tenant.userAt(-1)).toBeUndefined();
    expect(tenant.userAt(source.users.length)).toBeUndefined();
    expect(tenant.users).toEqual(source.users.map((_, u) => tenant.userAt(u)));
    expect(tenant.users).toBe(tenant.users); // built once
  });

  it('keeps the list out of a spread, and an edited tenant reads the same list', () => {
    const tenant = compileTenant(source);
    expect(Object.keys(tenant)).not.toContain('users');
    const first = source.conditionalAccessPolicies[0];
    if (!first) throw new Error('the demo tenant has policies');
    const edited = replacePolicy(tenant, { ...first, state: 'disabled' });
    expect(Object.keys(edited)).not.toContain('users');
    expect(edited.users).toBe(tenant.users);
    expect(edited.userAt(0)).toEqual(tenant.userAt(0));
  });
});
