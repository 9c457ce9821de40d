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
  /** The caller's user index (compileTenant has one), so a million-entry map is not built twice. */
  knownUserIndexById?: ReadonlyMap<string, number>,
): { graph: GroupGraph; groupIndexById: Map<string, number> } {
  const groupIndexById = new Map(groups.map((group, i) => [group.id, i]));
  const parents: number[][] = groups.map(() => []);
  const children: number[][] = groups.map(() => []);
  // Direct user members without a Set per group (a million users' memberships were a third of a million-user
  // compile): user-side memberships are counted and placed per group, then group-side `members` appended, and a
  // per-user stamp drops a user listed on both sides.
  const counts = new Int32Array(groups.length);
  for (const user of users)
    for (const groupId of user.memberOf ?? []) {
      const g = groupIndexById.get(groupId);
      if (g !== undefined) counts[g] = (counts[g] as number) + 1;
    }
  const directUsers: number[][] = Array.from(counts, (count) => new Array<number>(count));
  const filled = new Int32Array(groups.length);
  users.forEach((user, u) => {
    for (const groupId of user.memberOf ?? []) {
      const g = groupIndexById.get(groupId);
      if (g === undefined) continue;
      (directUsers[g] as number[])[filled[g] as number] = u;
      filled[g] = (filled[g] as number) + 1;
    }
  });
  let userIndexById: ReadonlyMap<string, number> | null = knownUserIndexById ?? null;
  const stamp = new Int32Array(users.length).fill(-1);
  groups.forEach((group, g) => {
    const list = directUsers[g] as number[];
    // A user listed twice in memberOf, or in memberOf and members: keep one (stamp = last group that listed it).
    let kept = 0;
    for (const u of list) {
      if (stamp[u] === g) continue;
      stamp[u] = g;
      list[kept++] = u;
    }
    list.length = kept;
    for (const member of group.members ?? []) {
      const child = groupIndexById.get(member);
      if (child !== undefined && child !== g) {
        children[g]?.push(child);
        parents[child]?.push(g);
        continue;
      }
      userIndexById ??= new Map(users.map((user, i) => [user.id, i]));
      const user = userIndexById.get(member);
      if (user !== undefined && stamp[user] !== g) {
        stamp[user] = g;
        list.push(user);
      }
    }
  });
  return { graph: { parents, children, directUsers }, groupIndexById };
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
