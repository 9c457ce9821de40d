// The tenant document the mock serves (fixtures/demo-tenant.json by default). Only the fields the
// mock itself reads are checked here; the Conditional Access engine parses the whole document
// with its own schema (lib/conditional-access), so the mock never re-interprets policies.
import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import { isRecord } from '../../lib/is-record';

const appRoleAssignmentSchema = z
  .object({
    resourceId: z.string().optional(),
    appId: z.string().optional(),
    appRoleId: z.string().optional(),
    appRoleValue: z.string().optional(),
    value: z.string().optional(),
  })
  .passthrough();

export const tenantUserSchema = z
  .object({
    id: z.string().min(1),
    userPrincipalName: z.string().min(3),
    displayName: z.string(),
    userType: z.string().default('Member'),
    accountEnabled: z.boolean().default(true),
    memberOf: z.array(z.union([z.string(), z.object({ id: z.string() }).passthrough()])).default([]),
    roles: z.array(z.union([z.string(), z.object({}).passthrough()])).default([]),
    authenticationMethods: z.array(z.string()).default(['password']),
    defaultSignInMethod: z.string().nullish(),
    mobilePhone: z.string().nullish(),
    otherMails: z.array(z.string()).default([]),
    appRoleAssignments: z.array(appRoleAssignmentSchema).default([]),
    // Hybrid identity (Graph user resource): a synced user's source of authority is on-premises AD.
    onPremisesSyncEnabled: z.boolean().nullish(),
    onPremisesSecurityIdentifier: z.string().nullish(),
    onPremisesSamAccountName: z.string().nullish(),
    onPremisesDomainName: z.string().nullish(),
    onPremisesDistinguishedName: z.string().nullish(),
    onPremisesUserPrincipalName: z.string().nullish(),
  })
  .passthrough();

/** True for a user synchronised from on-premises AD (Entra Connect / Cloud Sync). */
export function isSyncedUser(user: TenantUser): boolean {
  return user.onPremisesSyncEnabled === true;
}

const applicationSchema = z
  .object({
    appId: z.string(),
    displayName: z.string().optional(),
    appRoles: z.array(z.object({ id: z.string().optional(), value: z.string().nullish() }).passthrough()).default([]),
  })
  .passthrough();

export const tenantDocumentSchema = z
  .object({
    tenantId: z.string().min(1),
    displayName: z.string().optional(),
    domain: z.string().optional(),
    verifiedDomains: z.array(z.string()).optional(),
    users: z.array(tenantUserSchema),
    groups: z.array(z.object({ id: z.string() }).passthrough()).default([]),
    applications: z.array(applicationSchema).default([]),
    namedLocations: z.array(z.object({ id: z.string() }).passthrough()).default([]),
    authenticationStrengthPolicies: z.array(z.object({ id: z.string() }).passthrough()).default([]),
    conditionalAccessPolicies: z.array(z.object({ id: z.string() }).passthrough()).default([]),
  })
  .passthrough();

export type TenantUser = z.infer<typeof tenantUserSchema>;
export type TenantDocument = z.infer<typeof tenantDocumentSchema>;

export type Tenant = {
  document: TenantDocument;
  /** The raw JSON as read, handed unchanged to the Conditional Access engine. */
  raw: unknown;
  source: string;
  tenantId: string;
  domains: string[];
};

export function readTenantFile(file: string): Tenant {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('CONFIG_ERROR', `cannot read tenant file: ${String(error)}`, { source: file });
  }
  return parseTenantDocument(raw, file);
}

export function parseTenantDocument(raw: unknown, source: string): Tenant {
  // The shared fixture may wrap the tenant as { tenant: {...} }; accept both shapes.
  const candidate = raw && typeof raw === 'object' && 'tenant' in raw && !('users' in raw) ? raw.tenant : raw;
  const result = tenantDocumentSchema.safeParse(candidate);
  if (!result.success) {
    throw new AppError('CONFIG_ERROR', `invalid tenant document: ${result.error.message}`, { source });
  }
  const document = result.data;
  const domains = new Set<string>([...(document.verifiedDomains ?? [])]);
  if (document.domain) domains.add(document.domain);
  return { document, raw, source, tenantId: document.tenantId, domains: [...domains].map((d) => d.toLowerCase()) };
}

/**
 * The tenant plus the synced users of `file` (fixtures/demo-tenant-synced-users.json), in the document
 * and in the raw JSON the Conditional Access engine reads, so both see the same directory.
 */
export function withSyncedUsers(tenant: Tenant, file: string | undefined): Tenant {
  if (!file) return tenant;
  let extra: unknown;
  try {
    extra = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('CONFIG_ERROR', `cannot read synced users file: ${String(error)}`, { source: file });
  }
  const users = z.object({ users: z.array(z.unknown()) }).safeParse(extra);
  if (!users.success)
    throw new AppError('CONFIG_ERROR', 'invalid synced users file: expected { users: [...] }', { source: file });
  const raw = isRecord(tenant.raw) ? tenant.raw : {};
  const existing = Array.isArray(raw.users) ? raw.users : [];
  return parseTenantDocument({ ...raw, users: [...existing, ...users.data.users] }, tenant.source);
}

/** The tenant the mock serves: the tenant file, plus the synced demo users when configured. */
export function loadTenant(config: { tenantFile: string; syncedUsersFile?: string }, tenantFile = config.tenantFile) {
  return withSyncedUsers(readTenantFile(tenantFile), config.syncedUsersFile);
}

export function findUser(tenant: Tenant, idOrUpn: string): TenantUser | undefined {
  const key = idOrUpn.trim().toLowerCase();
  return tenant.document.users.find((u) => u.id.toLowerCase() === key || u.userPrincipalName.toLowerCase() === key);
}

/** App roles assigned to the user on the given application, by their `value` (the `roles` claim). */
export function appRolesFor(tenant: Tenant, user: TenantUser, appId: string): string[] {
  const application = tenant.document.applications.find((a) => a.appId === appId);
  const values = new Set<string>();
  for (const assignment of user.appRoleAssignments) {
    const resource = assignment.resourceId ?? assignment.appId;
    if (resource !== undefined && resource !== appId) continue;
    const role = application?.appRoles.find((r) => r.id === assignment.appRoleId);
    const value = role?.value ?? assignment.value ?? assignment.appRoleValue;
    if (value) values.add(value);
  }
  return [...values].sort();
}
