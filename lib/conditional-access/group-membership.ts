// Transitive group membership: "Policy is applied to nested users and groups"
// (concept-conditional-access-users-groups). Membership comes from group.members (users or groups) and from
// user.memberOf; cycles are tolerated (each group visited once).

export type GroupGraph = {
  /** group index -> indices of groups that directly contain it */
  parents: number[][];
  /** group index -> indices of groups it directly contains */
  children: number[][];
  /** group index -> user indices that are direct members */
  directUsers: number[][];
};

export function buildGroupGraph(
  groups: readonly { id: string; members: readonly string[] }[],
  users: readonly { id: string; memberOf: readonly string[] }[],
): { graph: GroupGraph; groupIndexById: Map<string, number> } {
  const groupIndexById = new Map(groups.map((group, i) => [group.id, i]));
  const userIndexById = new Map(users.map((user, i) => [user.id, i]));
  const parents: number[][] = groups.map(() => []);
  const children: number[][] = groups.map(() => []);
  const directUserSets: Set<number>[] = groups.map(() => new Set());
  groups.forEach((group, g) => {
    for (const member of group.members ?? []) {
      const child = groupIndexById.get(member);
      if (child !== undefined && child !== g) {
        children[g]?.push(child);
        parents[child]?.push(g);
        continue;
      }
      const user = userIndexById.get(member);
      if (user !== undefined) directUserSets[g]?.add(user);
    }
  });
  users.forEach((user, u) => {
    for (const groupId of user.memberOf ?? []) {
      const g = groupIndexById.get(groupId);
      if (g !== undefined) directUserSets[g]?.add(u);
    }
  });
  return { graph: { parents, children, directUsers: directUserSets.map((set) => [...set]) }, groupIndexById };
}

function walk(start: number, next: readonly number[][]): number[] {
  const seen = new Set<number>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const current = stack.pop() as number;
    for (const n of next[current] ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return [...seen];
}

/** Every group nested inside `group`, itself included. */
export function descendantGroups(graph: GroupGraph, group: number): number[] {
  return walk(group, graph.children);
}

/** Every group that contains `group` directly or through nesting, itself included. */
export function ancestorGroups(graph: GroupGraph, group: number): number[] {
  return walk(group, graph.parents);
}

/** Sets `into[u * stride + offset] = value` for every user that is a transitive member of any of the groups. */
export function markTransitiveMembers(
  graph: GroupGraph,
  groups: readonly number[],
  into: Uint8Array,
  value: number,
  stride = 1,
  offset = 0,
): void {
  const seen = new Set<number>();
  for (const g of groups) {
    for (const d of descendantGroups(graph, g)) {
      if (seen.has(d)) continue;
      seen.add(d);
      for (const u of graph.directUsers[d] ?? []) into[u * stride + offset] = value;
    }
  }
}
