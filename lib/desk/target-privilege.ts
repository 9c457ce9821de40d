// Whether a user is privileged for the desk (any Entra directory role, or membership of a configured
// group such as an emergency-access group) and whether they are a desk supervisor (a configured group;
// assign the Desk.Supervisor app role to that group in Entra). Input is Graph transitiveMemberOf.
export type DirectoryObject = {
  '@odata.type': string;
  id: string;
  displayName?: string | null;
  roleTemplateId?: string | null;
};

export type TargetPrivilege = {
  isPrivileged: boolean;
  isSupervisor: boolean;
  directoryRoles: string[];
  privilegedGroups: string[];
};

export function targetPrivilege(
  memberOf: readonly DirectoryObject[],
  groups: { privilegedGroupIds: readonly string[]; supervisorGroupIds: readonly string[] },
): TargetPrivilege {
  const lower = (ids: readonly string[]) => new Set(ids.map((id) => id.toLowerCase()));
  const privilegedIds = lower(groups.privilegedGroupIds);
  const supervisorIds = lower(groups.supervisorGroupIds);
  const roles = memberOf.filter((o) => o['@odata.type'] === '#microsoft.graph.directoryRole');
  const memberGroups = memberOf.filter((o) => o['@odata.type'] === '#microsoft.graph.group');
  const privilegedGroups = memberGroups.filter((g) => privilegedIds.has(g.id.toLowerCase()));
  return {
    isPrivileged: roles.length > 0 || privilegedGroups.length > 0,
    isSupervisor: memberGroups.some((g) => supervisorIds.has(g.id.toLowerCase())),
    directoryRoles: roles.map((r) => r.displayName ?? r.roleTemplateId ?? r.id),
    privilegedGroups: privilegedGroups.map((g) => g.displayName ?? g.id),
  };
}
