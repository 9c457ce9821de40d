// Test support (not a test): a small tenant builder so each condition test states only what it is about.
import { compileTenant, type TenantOverrides } from './compile-tenant';
import type { CompiledTenant } from './compiled-model';
import { parseTenant, parseWhatIfRequest } from './parse-input';
import type { Tenant } from './tenant-schema';
import type { WhatIfRequest } from './what-if-request-schema';

export const testAppId = '11111111-0000-4000-8000-000000000001';
export const otherAppId = '11111111-0000-4000-8000-000000000002';
export const exchangeOnlineId = '00000002-0000-0ff1-ce00-000000000000';
export const globalAdministratorRoleId = '62e90394-69f5-4237-9190-012177145e10';
export const trustedLocationId = '22222222-0000-4000-8000-000000000001';
export const untrustedLocationId = '22222222-0000-4000-8000-000000000002';
export const countryLocationId = '22222222-0000-4000-8000-000000000003';

type PolicyInput = Record<string, unknown> & { conditions?: Record<string, unknown> };

/** A policy for All users and the test app requiring MFA, with the given overrides merged in. */
export function policy(overrides: PolicyInput = {}, id = 'p1'): Record<string, unknown> {
  const { conditions, ...rest } = overrides;
  return {
    id,
    displayName: `Policy ${id}`,
    state: 'enabled',
    grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    ...rest,
    conditions: {
      users: { includeUsers: ['All'] },
      applications: { includeApplications: [testAppId] },
      clientAppTypes: ['all'],
      ...conditions,
    },
  };
}

/** A user of the raw document: the members tests change are named, anything else may be added. */
export type RawTenantUser = { id: string; authenticationMethods: unknown; [member: string]: unknown };
/** The raw tenant document, before the engine's parse: tests edit it to build what they need, valid or not. */
export type RawTenant = {
  users: RawTenantUser[];
  namedLocations: Record<string, unknown>[];
  conditionalAccessPolicies: Record<string, unknown>[];
  [member: string]: unknown;
};

export function rawTenant(policies: Record<string, unknown>[] = []): RawTenant {
  return {
    tenantId: 'test-tenant',
    domain: 'contoso.test',
    users: [
      {
        id: 'u-member',
        userPrincipalName: 'member@contoso.test',
        displayName: 'Member',
        userType: 'Member',
        memberOf: ['g-child'],
        roles: [],
        authenticationMethods: ['password', 'microsoftAuthenticatorPush'],
      },
      {
        id: 'u-admin',
        userPrincipalName: 'admin@contoso.test',
        displayName: 'Admin',
        userType: 'Member',
        memberOf: [],
        roles: [globalAdministratorRoleId],
        authenticationMethods: ['password', 'fido2'],
      },
      {
        id: 'u-guest',
        userPrincipalName: 'guest_fabrikam.test#EXT#@contoso.test',
        displayName: 'Guest',
        userType: 'Guest',
        memberOf: [],
        roles: [],
        authenticationMethods: ['password', 'microsoftAuthenticatorPush'],
      },
      {
        id: 'u-local-guest',
        userPrincipalName: 'localguest@contoso.test',
        displayName: 'Local guest',
        userType: 'Guest',
        memberOf: [],
        roles: [],
        authenticationMethods: ['password'],
      },
      {
        id: 'u-passwordless',
        userPrincipalName: 'phone@contoso.test',
        displayName: 'Phone',
        userType: 'Member',
        memberOf: [],
        roles: [],
        authenticationMethods: ['deviceBasedPush', 'password', 'microsoftAuthenticatorPush'],
      },
      {
        id: 'u-password-only',
        userPrincipalName: 'nomfa@contoso.test',
        displayName: 'No MFA',
        userType: 'Member',
        memberOf: [],
        roles: [],
        authenticationMethods: ['password'],
      },
    ],
    groups: [
      { id: 'g-parent', displayName: 'Parent', members: ['g-child'] },
      { id: 'g-child', displayName: 'Child', members: ['g-grandchild'] },
      { id: 'g-grandchild', displayName: 'Grandchild', members: ['u-passwordless', 'g-parent'] },
    ],
    applications: [
      { appId: testAppId, displayName: 'Test app', appRoles: [] },
      { appId: otherAppId, displayName: 'Other app', appRoles: [] },
    ],
    namedLocations: [
      {
        '@odata.type': '#microsoft.graph.ipNamedLocation',
        id: trustedLocationId,
        displayName: 'HQ',
        isTrusted: true,
        ipRanges: [{ cidrAddress: '203.0.113.0/24' }, { cidrAddress: '2001:db8:1::/48' }],
      },
      {
        '@odata.type': '#microsoft.graph.ipNamedLocation',
        id: untrustedLocationId,
        displayName: 'Partner',
        isTrusted: false,
        ipRanges: [{ cidrAddress: '198.51.100.0/24' }],
      },
      {
        '@odata.type': '#microsoft.graph.countryNamedLocation',
        id: countryLocationId,
        displayName: 'France',
        countriesAndRegions: ['FR'],
        includeUnknownCountriesAndRegions: false,
      },
    ],
    authenticationStrengthPolicies: [],
    conditionalAccessPolicies: policies,
  };
}

export function tenantWith(policies: Record<string, unknown>[] = [], overrides?: TenantOverrides): CompiledTenant {
  return compileTenant(parseTenant(rawTenant(policies), 'test-tenant.json'), overrides);
}

export function parsedTenant(policies: Record<string, unknown>[] = []): Tenant {
  return parseTenant(rawTenant(policies), 'test-tenant.json');
}

/** A What-If request for a user and the test app from an untrusted public address, browser on Windows. */
export function request(
  userId = 'u-member',
  conditions: Record<string, unknown> = {},
  context?: Record<string, unknown>,
): WhatIfRequest {
  // Through the request schema, as every caller's request is: a test that builds a request the schema refuses fails
  // here, naming the field.
  return parseWhatIfRequest(
    {
      signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', userId },
      signInContext: context ?? {
        '@odata.type': '#microsoft.graph.applicationContext',
        includeApplications: [testAppId],
      },
      signInConditions: { ipAddress: '192.0.2.10', clientAppType: 'browser', devicePlatform: 'windows', ...conditions },
    },
    'test-request.json',
  );
}
