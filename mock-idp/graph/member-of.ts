// Graph `GET /users/{id}/memberOf` (user-list-memberof): directory roles (from the tenant's role template
// ids) and the groups the user belongs to directly. Needs one of User.Read.All, Directory.Read.All.
import type { Tenant, TenantUser } from '../store/tenant';

// Display names of common built-in role templates (permissions-reference); others show their id.
const roleNames: Record<string, string> = {
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
  'fe930be7-5e62-47db-91af-98c3a49a38b1': 'User Administrator',
  '194ae4cb-b126-40b2-bd5b-6091b380977d': 'Security Administrator',
  '729827e3-9c14-49f7-bb1b-9608f156bbb8': 'Helpdesk Administrator',
  '966707d0-3269-4727-9be2-8c3a10f19b9d': 'Password Administrator',
  'c4e39bd9-1100-46d3-8c65-fb160da0071f': 'Authentication Administrator',
  '7be44c8a-adaf-4e2a-84d6-ab2649e08a13': 'Privileged Authentication Administrator',
  'e8611ab8-c189-46e8-94e1-60213ab1f814': 'Privileged Role Administrator',
};

function idOf(entry: string | { id: string }): string {
  return typeof entry === 'string' ? entry : entry.id;
}

export function memberOfResources(tenant: Tenant, user: TenantUser): Record<string, unknown>[] {
  const groups = tenant.document.groups;
  const direct = new Set([
    ...user.memberOf.map(idOf),
    ...groups.filter((g) => Array.isArray(g.members) && g.members.includes(user.id)).map((g) => g.id),
  ]);
  const roles = user.roles.map((role) => (typeof role === 'string' ? role : String(role.roleTemplateId ?? '')));
  return [
    ...roles.filter(Boolean).map((templateId) => ({
      '@odata.type': '#microsoft.graph.directoryRole',
      id: templateId,
      roleTemplateId: templateId,
      displayName: roleNames[templateId] ?? templateId,
    })),
    ...[...direct].map((id) => ({
      '@odata.type': '#microsoft.graph.group',
      id,
      displayName: groups.find((g) => g.id === id)?.displayName ?? null,
    })),
  ];
}
